//! The widget's own words in its interface languages (English, Japanese,
//! Indonesian). Every language fills the same struct, so a missing
//! translation does not compile.

use crate::engine::contract::enums::{
    Category, CategorySource, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope,
    Severity,
};

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiLang {
    En,
    Ja,
    Id,
}

impl UiLang {
    pub const ALL: [UiLang; 3] = [UiLang::En, UiLang::Ja, UiLang::Id];

    /// The interface language for a browser language list, English by default.
    pub fn from_browser(languages: &[String]) -> Self {
        languages
            .iter()
            .find_map(|tag| UiLang::parse(tag.split('-').next().unwrap_or_default()))
            .unwrap_or(UiLang::En)
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Some(UiLang::En),
            "ja" => Some(UiLang::Ja),
            "id" => Some(UiLang::Id),
            _ => None,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Ja => "ja",
            UiLang::Id => "id",
        }
    }

    /// The language's own name, for the switcher.
    pub const fn name(self) -> &'static str {
        match self {
            UiLang::En => "English",
            UiLang::Ja => "日本語",
            UiLang::Id => "Bahasa Indonesia",
        }
    }

    pub const fn texts(self) -> &'static Texts {
        match self {
            UiLang::En => &EN,
            UiLang::Ja => &JA,
            UiLang::Id => &ID,
        }
    }
}

/// Every string the widget shows, in one language.
pub struct Texts {
    pub title: &'static str,
    pub intro: &'static str,
    pub page_language: &'static str,
    pub describe: &'static str,
    pub describe_hint: &'static str,
    pub looks_like: &'static str,
    pub matched_words: &'static str,
    pub questions: &'static str,
    pub role: &'static str,
    pub roles: [&'static str; 4],
    pub product: &'static str,
    pub products: [&'static str; 6],
    pub category: &'static str,
    pub category_from_text: &'static str,
    pub categories: [&'static str; 13],
    pub impact: &'static str,
    pub impacts: [&'static str; 3],
    pub commit: &'static str,
    pub commit_hint: &'static str,
    pub coverage: &'static str,
    pub coverages: [&'static str; 2],
    pub plan: &'static str,
    pub plans: [&'static str; 5],
    pub support_language: &'static str,
    pub location: &'static str,
    pub locations: [&'static str; 3],
    pub time_zone: &'static str,
    pub preview: &'static str,
    pub previews: [&'static str; 4],
    pub admin_access: &'static str,
    pub scope: &'static str,
    pub scopes: [&'static str; 2],
    pub custom_code: &'static str,
    pub previous_case: &'static str,
    pub closed_on: &'static str,
    pub same_build: &'static str,
    pub same_environment: &'static str,
    pub same_error: &'static str,
    pub after_hotfix: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub answer: &'static str,
    pub choose_product: &'static str,
    pub kind: &'static str,
    pub sources: [&'static str; 3],
    pub severity: &'static str,
    pub severities: [&'static str; 3],
    pub no_severity: &'static str,
    pub severity_pending: &'static str,
    pub requested: &'static str,
    pub first_response: &'static str,
    pub within: &'static str,
    pub no_target: &'static str,
    pub your_time: &'static str,
    pub in_calendar: &'static str,
    pub remaining: &'static str,
    pub clock_starts: &'static str,
    pub holidays: &'static str,
    pub where_to_file: &'static str,
    pub not_supported: &'static str,
    pub will_not: &'static str,
    pub advice: &'static str,
    pub why: &'static str,
    pub source: &'static str,
    pub design_decision: &'static str,
    pub copy_summary: &'static str,
    pub copied: &'static str,
    pub start_over: &'static str,
    pub owner_rules_problem: &'static str,
    pub reopen: &'static str,
    pub new_incident: &'static str,
    pub reopen_unknown: &'static str,
    pub earlier_case: &'static str,
    pub hours: &'static str,
    pub minutes: &'static str,
    pub days: &'static str,
}

impl Texts {
    pub fn role_name(&self, role: Role) -> &'static str {
        self.roles[index(Role::ALL, role)]
    }
    pub fn product_name(&self, product: Product) -> &'static str {
        self.products[index(Product::ALL, product)]
    }
    pub fn category_name(&self, category: Category) -> &'static str {
        self.categories[index(Category::ALL, category)]
    }
    pub fn impact_words(&self, impact: Impact) -> &'static str {
        self.impacts[index(Impact::ALL, impact)]
    }
    pub fn coverage_name(&self, coverage: Coverage) -> &'static str {
        self.coverages[index(Coverage::ALL, coverage)]
    }
    pub fn plan_name(&self, plan: Plan) -> &'static str {
        self.plans[index(Plan::ALL, plan)]
    }
    pub fn location_name(&self, location: Location) -> &'static str {
        self.locations[index(Location::ALL, location)]
    }
    pub fn preview_name(&self, preview: Preview) -> &'static str {
        self.previews[index(Preview::ALL, preview)]
    }
    pub fn scope_name(&self, scope: Scope) -> &'static str {
        self.scopes[index(Scope::ALL, scope)]
    }
    pub fn severity_name(&self, severity: Severity) -> &'static str {
        self.severities[index(Severity::ALL, severity)]
    }
    pub fn source_name(&self, source: CategorySource) -> &'static str {
        self.sources[index(CategorySource::ALL, source)]
    }

    /// A duration in the interface language: "2 h 30 min".
    pub fn duration(&self, minutes: i64) -> String {
        let minutes = minutes.max(0);
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        let mut parts = Vec::new();
        if days > 0 {
            parts.push(format!("{days} {}", self.days));
        }
        if hours > 0 {
            parts.push(format!("{hours} {}", self.hours));
        }
        if rest > 0 || parts.is_empty() {
            parts.push(format!("{rest} {}", self.minutes));
        }
        parts.join(" ")
    }
}

fn index<T: PartialEq>(all: &[T], value: T) -> usize {
    all.iter().position(|item| *item == value).unwrap_or(0)
}

/// The support languages of SUP-LANG, plus Indonesian, as (tag, own name).
pub const SUPPORT_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("ja", "日本語"),
    ("zh-Hans", "简体中文"),
    ("zh-Hant", "繁體中文"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("id", "Bahasa Indonesia"),
];

pub const EN: Texts = Texts {
    title: "Support triage",
    intro: "Describe the problem in your own words. You will see what kind of issue it is, its severity, when support will first respond, and exactly where to file it.",
    page_language: "Page language",
    describe: "What is wrong?",
    describe_hint: "Any language. Include error messages and who is affected.",
    looks_like: "This looks like",
    matched_words: "from your words",
    questions: "A few questions",
    role: "Who is filing?",
    roles: ["An administrator of our tenant", "A user without an admin role", "A partner, for a customer", "A partner, about our own tenant"],
    product: "Which product?",
    products: ["Dynamics 365", "Power Platform", "Azure", "Microsoft 365 / Office 365", "Enterprise Mobility Suite", "An app from the marketplace"],
    category: "Kind of issue",
    category_from_text: "As described",
    categories: ["Something is broken", "How-to or advice", "Billing", "Subscription", "Licensing", "Suspected fraud", "Marketplace app", "Service outage", "Slowness", "Damaged or lost data", "Root-cause report", "Preview feature", "Follow-up on a case"],
    impact: "How is your business affected?",
    impacts: ["Production is down or badly degraded: we need help now", "Work goes on, but impaired", "A minor inconvenience, or only non-production systems"],
    commit: "Can you work with support around the clock until it is fixed?",
    commit_hint: "Severity A needs someone available 24x7, with accurate contact details.",
    coverage: "When may support contact you?",
    coverages: ["Around the clock (24x7)", "During business hours"],
    plan: "Support plan",
    plans: ["Standard", "Professional Direct", "Unified", "CSP partner benefit", "None"],
    support_language: "Support in",
    location: "Where are you?",
    locations: ["North America", "Japan", "Elsewhere"],
    time_zone: "Your time zone",
    preview: "Is the feature released?",
    previews: ["Generally available", "Public preview", "Private preview", "Limited preview"],
    admin_access: "Do you hold admin rights on the customer's Azure?",
    scope: "How far does the slowness reach?",
    scopes: ["One business function", "Several business areas"],
    custom_code: "Custom code, a plugin or a partner's solution is involved",
    previous_case: "Earlier case number",
    closed_on: "When was the earlier case closed?",
    same_build: "Is it the same build (no new update, patch or hotfix installed since)?",
    same_environment: "Is it on the same environment, machine and document, for the same user?",
    same_error: "Is it the same error as before?",
    after_hotfix: "Did it appear after installing a hotfix or trying the earlier suggestions?",
    yes: "Yes",
    no: "No",
    answer: "Your answer",
    choose_product: "Choose the product to see severity, response time and where to file.",
    kind: "Kind of issue",
    sources: ["chosen by you", "read from your words", "assumed: pick one if it is wrong"],
    severity: "Severity",
    severities: ["A: critical", "B: moderate", "C: minimal"],
    no_severity: "No A/B/C severity for this kind of request",
    severity_pending: "Not set yet: answer how your business is affected",
    requested: "you asked for",
    first_response: "First response",
    within: "within",
    no_target: "No response time is published for this request.",
    your_time: "your time",
    in_calendar: "in",
    remaining: "left",
    clock_starts: "The clock starts",
    holidays: "Holidays excluded",
    where_to_file: "Where to file",
    not_supported: "Support does not take this request through this path.",
    will_not: "Good to know",
    advice: "Advice",
    why: "Why?",
    source: "Source",
    design_decision: "Design decision of this project",
    copy_summary: "Copy summary",
    copied: "Summary copied",
    start_over: "Start over",
    owner_rules_problem: "For the site owner: the custom rules were not applied, the standard rules are in force",
    reopen: "Reopen the earlier case",
    new_incident: "File a new case quoting the earlier number",
    reopen_unknown: "Not known yet: answer the questions about the earlier case",
    earlier_case: "Earlier case",
    hours: "h",
    minutes: "min",
    days: "d",
};

pub const JA: Texts = Texts {
    title: "サポート窓口ガイド",
    intro: "問題をご自身の言葉で入力してください。問い合わせの種類、重大度、最初の回答の目安、正しい起票先をご案内します。",
    page_language: "表示言語",
    describe: "どのような問題ですか？",
    describe_hint: "どの言語でも構いません。エラーメッセージや影響範囲もご記入ください。",
    looks_like: "お問い合わせの種類（推定）",
    matched_words: "入力内容から",
    questions: "いくつかの質問",
    role: "起票するのはどなたですか？",
    roles: ["テナントの管理者", "管理者ロールのないユーザー", "お客様のためのパートナー", "自社テナントについてのパートナー"],
    product: "製品",
    products: ["Dynamics 365", "Power Platform", "Azure", "Microsoft 365 / Office 365", "Enterprise Mobility Suite", "マーケットプレースのアプリ"],
    category: "問い合わせの種類",
    category_from_text: "入力内容から判断",
    categories: ["障害・不具合", "使い方・アドバイス", "請求", "サブスクリプション", "ライセンス", "不正利用の疑い", "マーケットプレースのアプリ", "サービス障害", "パフォーマンス", "データの破損・消失", "根本原因の報告", "プレビュー機能", "既存の問い合わせの確認"],
    impact: "業務への影響は？",
    impacts: ["本番環境が停止・重大な劣化：すぐに対応が必要", "業務は継続できるが支障がある", "軽微な支障、または本番以外の環境のみ"],
    commit: "解決まで 24 時間体制でサポートと連携できますか？",
    commit_hint: "重大度 A には 24 時間 365 日の対応と正確な連絡先が必要です。",
    coverage: "サポートからの連絡時間",
    coverages: ["24 時間 365 日", "営業時間内"],
    plan: "サポートプラン",
    plans: ["Standard", "Professional Direct", "Unified", "CSP パートナー特典", "なし"],
    support_language: "サポート言語",
    location: "所在地",
    locations: ["北米", "日本", "その他"],
    time_zone: "タイムゾーン",
    preview: "機能の提供状況",
    previews: ["一般提供", "パブリックプレビュー", "プライベートプレビュー", "限定プレビュー"],
    admin_access: "お客様の Azure に管理者権限がありますか？",
    scope: "遅延の範囲",
    scopes: ["特定の業務機能のみ", "複数の業務領域"],
    custom_code: "カスタムコード、プラグイン、パートナーのソリューションが関係している",
    previous_case: "以前のお問い合わせ番号",
    closed_on: "以前のお問い合わせがクローズされた日",
    same_build: "以前と同じビルドですか（その後、更新プログラム、パッチ、修正プログラムを適用していない）？",
    same_environment: "以前と同じ環境、マシン、ドキュメント、ユーザーで発生していますか？",
    same_error: "以前と同じエラーですか？",
    after_hotfix: "修正プログラムの適用後、または以前の提案を試した後に発生しましたか？",
    yes: "はい",
    no: "いいえ",
    answer: "ご案内",
    choose_product: "製品を選ぶと、重大度、回答時間、起票先が表示されます。",
    kind: "問い合わせの種類",
    sources: ["選択された種類", "入力内容から判断", "仮の判断：違う場合は選択してください"],
    severity: "重大度",
    severities: ["A：重大", "B：中程度", "C：軽微"],
    no_severity: "この種類の問い合わせには A/B/C の重大度はありません",
    severity_pending: "未設定：業務への影響をお答えください",
    requested: "ご希望",
    first_response: "最初の回答",
    within: "目安",
    no_target: "この問い合わせには公開された回答時間がありません。",
    your_time: "現地時間",
    in_calendar: "",
    remaining: "残り",
    clock_starts: "計測開始",
    holidays: "除外する祝日",
    where_to_file: "起票先",
    not_supported: "この経路ではサポートの対象外です。",
    will_not: "ご留意事項",
    advice: "アドバイス",
    why: "判断の根拠",
    source: "出典",
    design_decision: "本プロジェクトの設計上の判断",
    copy_summary: "概要をコピー",
    copied: "概要をコピーしました",
    start_over: "最初からやり直す",
    owner_rules_problem: "サイト管理者の方へ：独自ルールを適用できなかったため、標準のルールを使用しています",
    reopen: "以前のお問い合わせを再開",
    new_incident: "以前の番号を添えて新規に起票",
    reopen_unknown: "まだ判断できません：以前のお問い合わせについての質問にお答えください",
    earlier_case: "以前のお問い合わせ",
    hours: "時間",
    minutes: "分",
    days: "日",
};

pub const ID: Texts = Texts {
    title: "Panduan dukungan",
    intro: "Jelaskan masalah dengan kata-kata Anda sendiri. Anda akan melihat jenis masalah, tingkat keparahan, kapan dukungan merespons pertama kali, dan di mana tepatnya mengajukannya.",
    page_language: "Bahasa halaman",
    describe: "Apa masalahnya?",
    describe_hint: "Bahasa apa pun. Sertakan pesan kesalahan dan siapa yang terdampak.",
    looks_like: "Sepertinya ini",
    matched_words: "dari kata-kata Anda",
    questions: "Beberapa pertanyaan",
    role: "Siapa yang mengajukan?",
    roles: ["Administrator tenant kami", "Pengguna tanpa peran admin", "Mitra, untuk pelanggan", "Mitra, untuk tenant sendiri"],
    product: "Produk apa?",
    products: ["Dynamics 365", "Power Platform", "Azure", "Microsoft 365 / Office 365", "Enterprise Mobility Suite", "Aplikasi dari marketplace"],
    category: "Jenis masalah",
    category_from_text: "Sesuai uraian",
    categories: ["Ada yang rusak", "Cara atau saran", "Penagihan", "Langganan", "Lisensi", "Dugaan penipuan", "Aplikasi marketplace", "Gangguan layanan", "Lambat", "Data rusak atau hilang", "Laporan akar penyebab", "Fitur pratinjau", "Tindak lanjut kasus"],
    impact: "Bagaimana dampaknya pada bisnis Anda?",
    impacts: ["Produksi mati atau sangat terganggu: kami butuh bantuan sekarang", "Pekerjaan berjalan, tetapi terganggu", "Gangguan kecil, atau hanya sistem non-produksi"],
    commit: "Bisakah Anda bekerja dengan dukungan sepanjang waktu sampai selesai?",
    commit_hint: "Tingkat A memerlukan orang yang siap 24x7 dan kontak yang akurat.",
    coverage: "Kapan dukungan boleh menghubungi Anda?",
    coverages: ["Sepanjang waktu (24x7)", "Selama jam kerja"],
    plan: "Paket dukungan",
    plans: ["Standard", "Professional Direct", "Unified", "Manfaat mitra CSP", "Tidak ada"],
    support_language: "Dukungan dalam",
    location: "Di mana Anda?",
    locations: ["Amerika Utara", "Jepang", "Lainnya"],
    time_zone: "Zona waktu Anda",
    preview: "Apakah fiturnya sudah dirilis?",
    previews: ["Tersedia umum", "Pratinjau publik", "Pratinjau pribadi", "Pratinjau terbatas"],
    admin_access: "Apakah Anda punya hak admin di Azure pelanggan?",
    scope: "Seberapa luas kelambatannya?",
    scopes: ["Satu fungsi bisnis", "Beberapa area bisnis"],
    custom_code: "Melibatkan kode kustom, plugin, atau solusi mitra",
    previous_case: "Nomor kasus sebelumnya",
    closed_on: "Kapan kasus sebelumnya ditutup?",
    same_build: "Apakah build-nya sama (tanpa pembaruan, patch, atau hotfix baru sejak itu)?",
    same_environment: "Apakah terjadi di lingkungan, mesin, dan dokumen yang sama, untuk pengguna yang sama?",
    same_error: "Apakah kesalahannya sama seperti sebelumnya?",
    after_hotfix: "Apakah muncul setelah memasang hotfix atau mencoba saran sebelumnya?",
    yes: "Ya",
    no: "Tidak",
    answer: "Jawaban",
    choose_product: "Pilih produk untuk melihat tingkat keparahan, waktu respons, dan tempat mengajukan.",
    kind: "Jenis masalah",
    sources: ["dipilih oleh Anda", "dibaca dari kata-kata Anda", "perkiraan: pilih jika salah"],
    severity: "Tingkat keparahan",
    severities: ["A: kritis", "B: sedang", "C: minimal"],
    no_severity: "Tidak ada tingkat A/B/C untuk jenis permintaan ini",
    severity_pending: "Belum ditentukan: jawab dampaknya pada bisnis Anda",
    requested: "yang Anda minta",
    first_response: "Respons pertama",
    within: "dalam",
    no_target: "Tidak ada waktu respons yang dipublikasikan untuk permintaan ini.",
    your_time: "waktu Anda",
    in_calendar: "di",
    remaining: "lagi",
    clock_starts: "Waktu mulai dihitung",
    holidays: "Hari libur dikecualikan",
    where_to_file: "Tempat mengajukan",
    not_supported: "Dukungan tidak menerima permintaan ini melalui jalur ini.",
    will_not: "Perlu diketahui",
    advice: "Saran",
    why: "Mengapa?",
    source: "Sumber",
    design_decision: "Keputusan desain proyek ini",
    copy_summary: "Salin ringkasan",
    copied: "Ringkasan disalin",
    start_over: "Mulai ulang",
    owner_rules_problem: "Untuk pemilik situs: aturan khusus tidak diterapkan, aturan standar yang berlaku",
    reopen: "Buka kembali kasus sebelumnya",
    new_incident: "Ajukan kasus baru dengan nomor sebelumnya",
    reopen_unknown: "Belum diketahui: jawab pertanyaan tentang kasus sebelumnya",
    earlier_case: "Kasus sebelumnya",
    hours: "jam",
    minutes: "menit",
    days: "hari",
};
