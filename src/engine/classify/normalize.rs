//! Text normalisation before matching, so that case, width, accents and
//! punctuation never defeat a phrase: `ＩＮＶＯＩＣＥ`, `Invoice` and `invoice`
//! match alike, `ﾌﾟﾗｸﾞｲﾝ` as `プラグイン`, `Rückerstattung` as `ruckerstattung`,
//! `can't` as `cant`. Each normalised character remembers where it came from
//! in the original, so matches can be shown in the visitor's own words.

use super::features::{is_hiragana, is_ideograph};
use super::vocabulary::is_ascii_word;

/// Normalised text with, for each of its characters, the byte range of the
/// original text it stands for (a description is capped far below 4 GB).
pub struct Normalized {
    pub chars: Vec<char>,
    pub origin: Vec<(u32, u32)>,
    /// Where a sentence or clause ends: the spaces of `chars` that stand
    /// for a full stop, comma, semicolon, ! or ? (or 。、), in order, each
    /// as its place times two, plus one for a question (?, or か。). A
    /// negation does not reach across one ("Is there a workaround? No.
    /// The preview feature…"). The last may stand at the text's end.
    pub breaks: Vec<u32>,
}

impl Normalized {
    pub fn new(text: &str) -> Self {
        let mut out = Normalized {
            chars: Vec::with_capacity(text.len()),
            origin: Vec::with_capacity(text.len()),
            breaks: Vec::new(),
        };
        let mut start = 0;
        while let Some(&byte) = text.as_bytes().get(start) {
            // Most characters are ASCII: letters and digits stand for
            // themselves (lower case), the rest separate words.
            if byte.is_ascii() && byte != b'\'' {
                let c = char::from(byte);
                if is_ascii_word(byte) {
                    // A run of them at once (one call, not two a letter,
                    // in the size-built module).
                    let bytes = &text.as_bytes()[start..];
                    let run = bytes
                        .iter()
                        .take_while(|&&byte| is_ascii_word(byte))
                        .count();
                    out.chars.extend(
                        bytes[..run]
                            .iter()
                            .map(|&byte| char::from(byte.to_ascii_lowercase())),
                    );
                    out.origin
                        .extend((start as u32..(start + run) as u32).map(|at| (at, at + 1)));
                    start += run;
                    continue;
                } else if c.is_whitespace() || byte.is_ascii_punctuation() {
                    out.push(' ', (start, start + 1));
                    // Not inside a number ("2.1", "1,000") or a name, nor
                    // before a number ("order no. 100045872").
                    let rest = &text.as_bytes()[start + 1..];
                    if ends_clause(c)
                        && !rest.first().is_some_and(|&byte| is_ascii_word(byte))
                        && !rest
                            .iter()
                            .find(|&&byte| byte != b' ')
                            .is_some_and(u8::is_ascii_digit)
                    {
                        out.mark_break(c);
                    }
                } else {
                    out.push(c, (start, start + 1));
                }
                start += 1;
                continue;
            }
            let (c, length) = decode(text.as_bytes(), start);
            let mut end = start + length;
            // Ideographs and hiragana, most of a Japanese or Chinese text,
            // stand for themselves and take no voicing mark: none of the
            // questions below.
            if is_ideograph(c) || is_hiragana(c) {
                out.push(c, (start, end));
                start = end;
                continue;
            }
            let mut c = fold_width(c);
            // Half-width katakana carry their voicing marks as separate
            // characters, and so may full-width ones: U+FF9E and U+FF9F
            // (bytes EF BE 9E/9F), U+3099 to U+309C (E3 82 99 to 9C).
            if matches!(
                text.as_bytes().get(end..end + 3),
                Some([0xE3, 0x82, 0x99..=0x9C] | [0xEF, 0xBE, 0x9E | 0x9F])
            ) {
                let (mark, length) = decode(text.as_bytes(), end);
                if let Some(voiced) = compose_voicing(c, mark) {
                    c = voiced;
                    end += length;
                }
            }
            out.push_folded(c, (start, end));
            start = end;
        }
        while out.chars.last() == Some(&' ') {
            out.chars.pop();
            out.origin.pop();
        }
        out
    }

    #[inline(always)]
    fn push(&mut self, c: char, origin: (usize, usize)) {
        if c == ' ' && matches!(self.chars.last(), None | Some(' ')) {
            return;
        }
        self.chars.push(c);
        self.origin.push((origin.0 as u32, origin.1 as u32));
    }

    fn push_folded(&mut self, c: char, origin: (usize, usize)) {
        // Kana and ideographs, most of a Japanese or Chinese text, stand
        // for themselves: no need to ask the tables below.
        if super::features::is_kana_or_ideograph(c) {
            self.push(c, origin);
            return;
        }
        if is_joiner(c) {
            // An elided French or Italian word stands apart from the next
            // ("l'équipe" reads as "l equipe", "dell'utente" as "dell
            // utente"): "equipe" is a word of its own there.
            if is_apostrophe(c) && self.ends_with_elided() {
                self.push(' ', origin);
            }
            return;
        }
        if is_combining_mark(c) {
            return;
        }
        if is_separator(c) {
            self.push(' ', origin);
            if ends_clause(c) {
                self.mark_break(c);
            }
            return;
        }
        if let Some(expansion) = expand_letter(c) {
            for piece in expansion.chars() {
                self.push(piece, origin);
            }
            return;
        }
        self.push(fold_letter(c), origin);
    }

    /// Marks the space the text ends with as the end of a clause.
    fn mark_break(&mut self, mark: char) {
        if let [.., before, ' '] = self.chars[..] {
            let question = mark == '?' || mark == '。' && matches!(before, 'か' | '吗' | '嗎');
            self.breaks
                .push((self.chars.len() as u32 - 1) << 1 | u32::from(question));
        }
    }

    /// The first break at `at` or after it.
    fn break_from(&self, at: usize) -> usize {
        // A binary search by hand: `partition_point` and its closure are
        // calls in the size-built module, and each negation cue tried asks.
        let (mut low, mut high) = (0, self.breaks.len());
        while low < high {
            let middle = (low + high) / 2;
            if ((self.breaks[middle] >> 1) as usize) < at {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// Where the clause that the character at `at` belongs to starts:
    /// after the last break before it.
    pub fn clause_start(&self, at: usize) -> usize {
        self.break_from(at)
            .checked_sub(1)
            .map_or(0, |last| (self.breaks[last] >> 1) as usize + 1)
    }

    /// Where the clause after the question that goes on at `at` starts
    /// and ends: its answer ("Custom code? No, only standard." gives "no"),
    /// if it asks one.
    pub fn answer(&self, at: usize) -> Option<(usize, usize)> {
        let question = self.break_from(at);
        let (&asked, next) = (self.breaks.get(question)?, self.breaks.get(question + 1));
        let from = (asked >> 1) as usize + 1;
        let to = next.map_or(self.chars.len(), |&mark| (mark >> 1) as usize);
        (asked & 1 == 1).then_some((from.min(to), to))
    }

    /// Whether the clause that goes on at `at` ends with a question ("Is
    /// there any workaround?", 回避策はありますか).
    pub fn asks(&self, at: usize) -> bool {
        self.breaks
            .get(self.break_from(at))
            .is_some_and(|&mark| mark & 1 == 1)
    }

    /// Whether the text so far ends with a word French or Italian elides
    /// before a vowel ([`ELIDED`]; the last five characters at most read).
    fn ends_with_elided(&self) -> bool {
        let (chars, mut at, mut key) = (&self.chars[..], self.chars.len(), 0);
        while at > 0 && chars[at - 1] != ' ' {
            if key >= 1 << 24 || !chars[at - 1].is_ascii_lowercase() {
                return false;
            }
            at -= 1;
            key = key << 8 | chars[at] as u32;
        }
        ELIDED.contains(&key)
    }

    /// The normalised text as a string (for phrases in the vocabulary).
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// The character that starts at byte `at` of UTF-8 `bytes`, and its length
/// (by hand: `str` slicing checks the boundary and the decoder the bytes
/// again, for every character of a Japanese text).
#[inline(always)]
fn decode(bytes: &[u8], at: usize) -> (char, usize) {
    let lead = u32::from(bytes[at]);
    // The continuation bytes' six bits each, as many as the lead says,
    // read at once rather than in a loop: most of a Japanese text's
    // characters are three bytes long (3 % fewer instructions for one).
    let rest = &bytes[at..];
    let bits = |index: usize| u32::from(rest[index] & 0x3F);
    let (code, length) = match lead {
        0x00..=0x7F => return (char::from(bytes[at]), 1),
        0xC0..=0xDF => ((lead & 0x1F) << 6 | bits(1), 2),
        0xE0..=0xEF => ((lead & 0x0F) << 12 | bits(1) << 6 | bits(2), 3),
        _ => (
            (lead & 0x07) << 18 | bits(1) << 12 | bits(2) << 6 | bits(3),
            4,
        ),
    };
    (char::from_u32(code).unwrap_or('\u{FFFD}'), length)
}

/// Normalises a vocabulary phrase.
pub fn normalize(text: &str) -> String {
    Normalized::new(text).text()
}

/// Full-width ASCII and the ideographic space to their ASCII forms,
/// half-width katakana to full-width.
#[inline(always)]
fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        0xFF61..=0xFF9F => HALF_WIDTH_KATAKANA
            .chars()
            .nth((c as u32 - 0xFF61) as usize)
            .unwrap_or(c),
        _ => c,
    }
}

/// U+FF61..U+FF9F in order, as their full-width forms.
const HALF_WIDTH_KATAKANA: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

fn compose_voicing(base: char, mark: char) -> Option<char> {
    const VOICED: &str =
        "カガキギクグケゲコゴサザシジスズセゼソゾタダチヂツヅテデトドハバヒビフブヘベホボウヴ";
    const SEMI_VOICED: &str = "ハパヒピフプヘペホポ";
    let table = match mark {
        '\u{FF9E}' | '゛' | '\u{3099}' => VOICED,
        '\u{FF9F}' | '゜' | '\u{309A}' => SEMI_VOICED,
        _ => return None,
    };
    // The table in pairs: each base, then its voiced form.
    let mut pairs = table.chars();
    while let (Some(plain), Some(voiced)) = (pairs.next(), pairs.next()) {
        if plain == base {
            return Some(voiced);
        }
    }
    None
}

/// The words French and Italian elide before a vowel, their letters
/// packed a byte each, the first in the lowest (`ends_with_elided` reads
/// them from the end). Numbers rather than a match on slices of
/// characters, which took the widget's module 174 bytes more.
const ELIDED: [u32; 15] = {
    const fn packed(word: &[u8]) -> u32 {
        let (mut key, mut at) = (0, word.len());
        while at > 0 {
            at -= 1;
            key = key << 8 | word[at] as u32;
        }
        key
    }
    [
        packed(b"l"),
        packed(b"d"),
        packed(b"n"),
        packed(b"j"),
        packed(b"s"),
        packed(b"c"),
        packed(b"m"),
        packed(b"t"),
        packed(b"qu"),
        packed(b"un"),
        packed(b"all"),
        packed(b"dell"),
        packed(b"nell"),
        packed(b"sull"),
        packed(b"dall"),
    ]
};

/// Apostrophes and zero-width characters join what they stand between
/// (`can't` → `cant`), but after an elided word (`Normalized::ends_with_elided`).
fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Punctuation that ends a sentence or a clause.
fn ends_clause(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | '!' | '?' | '。' | '、')
}

/// Whitespace and punctuation, Latin and CJK alike, separate words.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c as u32,
            0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x2010..=0x205E | 0x3001..=0x3004 | 0x3008..=0x303F
            | 0x30FB | 0xFE30..=0xFE4F | 0xFF61..=0xFF65)
}

/// Letters that fold to more than one letter.
fn expand_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => return None,
    })
}

/// Lower case, and Latin letters with diacritics to their base letter, for
/// the Latin alphabets of the supported languages (by table: Unicode's full
/// case tables would cost the widget more than the whole vocabulary).
fn fold_letter(c: char) -> char {
    /// U+00C0..=U+017F, each as its base letter in lower case, `.` where it
    /// has none to fold to (`×`, `Ð`; `ß`, `æ` and `œ` expand instead).
    const LATIN_FOLDS: &[u8; 192] = b"aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllllllllnnnnnnn..oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz.";
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match (c as usize)
        .checked_sub(0xC0)
        .and_then(|at| LATIN_FOLDS.get(at))
    {
        Some(&folded) if folded != b'.' => char::from(folded),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_fold_to_their_base_letter() {
        let pairs = [
            ('À', 'a'),
            ('é', 'e'),
            ('Ü', 'u'),
            ('ñ', 'n'),
            ('ç', 'c'),
            ('ł', 'l'),
            ('Ż', 'z'),
            ('ő', 'o'),
            ('Ÿ', 'y'),
            ('ı', 'i'),
            ('Q', 'q'),
            ('×', '×'),
            ('ж', 'ж'),
            ('請', '請'),
        ];
        for (letter, folded) in pairs {
            assert_eq!(fold_letter(letter), folded, "{letter}");
        }
        assert_eq!(normalize("Rückerstattung Straße"), "ruckerstattung strasse");
    }

    #[test]
    fn an_elided_word_stands_apart_and_other_apostrophes_join() {
        assert_eq!(
            normalize("L'équipe d’Acme qu'on aide, dell'utente"),
            "l equipe d acme qu on aide dell utente"
        );
        assert_eq!(
            normalize("We can't; it's the users' l10n o'clock"),
            "we cant its the users l10n oclock"
        );
        assert_eq!(normalize("quell'app"), "quellapp");
        assert_eq!(
            normalize("l\u{200B}equipe l\u{200D}equipe"),
            "lequipe lequipe"
        );
    }

    #[test]
    fn clause_ends_are_marked_where_a_sentence_or_clause_ends() {
        let breaks = |text: &str| {
            let normalized = Normalized::new(text);
            let (chars, breaks) = (&normalized.chars, &normalized.breaks);
            // A space of the text, or its end.
            assert!(breaks.iter().all(|&mark| {
                let at = (mark >> 1) as usize;
                at == chars.len() || chars[at] == ' '
            }));
            breaks.len()
        };
        assert_eq!(breaks("No, it fails. Then? Yes! Maybe; so."), 6);
        assert_eq!(breaks("version 2.1 costs 1,000 euros. e.g.the"), 1);
        assert_eq!(breaks("請求書、金額。エラー｡ＯＫ！"), 4);
        assert_eq!(breaks("no custom code: none - n/a"), 0);
        let text = Normalized::new("Workaround? No. The preview");
        let (no, the) = (11, 14);
        assert_eq!(&text.chars[no..no + 2], ['n', 'o']);
        assert_eq!(text.clause_start(the), no + 3);
        assert_eq!(text.clause_start(no + 2), 11);
        assert_eq!(text.clause_start(10), 0);
        assert!(text.asks(0) && !text.asks(no));
        let japanese = Normalized::new("回避策はありますか。本番で失敗します。");
        assert!(japanese.asks(0) && !japanese.asks(10));
        assert!(!Normalized::new("Any workaround").asks(0));
        let answered = Normalized::new("Custom code? No, only standard. Plugins? 冇。");
        assert_eq!(answered.answer(0), Some((12, 14)));
        assert_eq!(answered.answer(13), None);
        assert_eq!(answered.answer(32), Some((37, 38)));
    }
}
