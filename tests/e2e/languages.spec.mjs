// End-to-end, in each of the ten interface languages: a browser that speaks
// the language, a description typed in it, the answers, the card, the "Why?"
// panel and the copied summary, all checked against the catalogues in
// src/locales/ (and no sentence of another language on the card). Then the
// language switcher, the element's `lang` attribute, and a language file
// that fails to load. Screenshots for a reviewer in target/screenshots/.
import { join } from "node:path";
import { catalogue, expect, open, ready, SCREENSHOTS, test } from "./fixtures.mjs";

const squash = (s) => s.replace(/\s+/g, " ").trim();

// The browser's locale and zone for each interface language, and what a
// worried customer would type (a production outage, which gives severity A
// and path PTH-1 for Dynamics 365 with the default role).
const LANGUAGES = [
  {
    tag: "en",
    locale: "en-US",
    zone: "America/Los_Angeles",
    text: "Production is down: nobody can save sales orders and every user gets error 0x80040216.",
  },
  {
    tag: "ja",
    locale: "ja-JP",
    zone: "Asia/Tokyo",
    text: "本番環境が停止し、全ユーザーが受注を保存できません。エラー 0x80040216 が表示されます。",
  },
  {
    tag: "id",
    locale: "id-ID",
    zone: "Asia/Jakarta",
    text: "Sistem produksi mati total: semua pengguna tidak bisa menyimpan pesanan penjualan, muncul kesalahan 0x80040216.",
  },
  {
    tag: "es",
    locale: "es-ES",
    zone: "Europe/Madrid",
    text: "El entorno de producción está caído: ningún usuario puede guardar pedidos de venta y aparece el error 0x80040216.",
  },
  {
    tag: "fr",
    locale: "fr-FR",
    zone: "Europe/Paris",
    text: "La production est en panne : plus aucun utilisateur ne peut enregistrer de commandes client, erreur 0x80040216.",
  },
  {
    tag: "de",
    locale: "de-DE",
    zone: "Europe/Berlin",
    text: "Die Produktion steht still: Kein Benutzer kann mehr Verkaufsaufträge speichern, überall Fehler 0x80040216.",
  },
  {
    tag: "it",
    locale: "it-IT",
    zone: "Europe/Rome",
    text: "L'ambiente di produzione è bloccato: nessun utente riesce a salvare gli ordini di vendita, errore 0x80040216.",
  },
  {
    tag: "pt",
    locale: "pt-BR",
    zone: "America/Sao_Paulo",
    text: "O ambiente de produção parou: nenhum usuário consegue salvar pedidos de venda, aparece o erro 0x80040216.",
  },
  {
    tag: "zh-Hans",
    locale: "zh-CN",
    zone: "Asia/Shanghai",
    text: "生产环境宕机了，所有用户都无法保存销售订单，一直报错 0x80040216。",
  },
  {
    tag: "zh-Hant",
    locale: "zh-TW",
    zone: "Asia/Taipei",
    text: "正式環境當機，所有使用者都無法儲存銷售訂單，一直出現錯誤 0x80040216。",
  },
];
const SCREENSHOT_OF = new Set(["ja", "id", "de", "zh-Hant"]);

// Each language's catalogues, read once: `main` (ui.* and the engine's
// texts) and `why` (rule sentences); `sources` the documents' own words.
const CATALOGUES = {};
for (const { tag } of LANGUAGES) {
  CATALOGUES[tag] = { main: await catalogue(`${tag}.txt`), why: await catalogue(`why/${tag}.txt`) };
}
const SOURCES = (await catalogue("sources.txt")) ?? new Map();
/** Each source sentence (`source.<rule>.<document>`) with the language of its document (`source-language.<document>`). */
const ORIGINALS = new Map(
  [...SOURCES]
    .filter(([key]) => key.startsWith("source."))
    .map(([key, value]) => [squash(value), SOURCES.get(`source-language.${key.split(".").pop()}`)]),
);

/** The catalogues of `tag`, or a failure naming the missing file. */
function of(tag) {
  const { main, why } = CATALOGUES[tag];
  expect(main, `src/locales/${tag}.txt is missing`).toBeTruthy();
  expect(why, `src/locales/why/${tag}.txt is missing`).toBeTruthy();
  return { main, why };
}

/** A key's text in a catalogue; a failure names the file and the key. */
function text(tag, cat, key) {
  const value = CATALOGUES[tag][cat]?.get(key);
  expect(value, `src/locales/${cat === "why" ? "why/" : ""}${tag}.txt lacks ${key}`).toBeDefined();
  return value;
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/u;

/** The literal pieces of a catalogue value (between its {arguments}), 25 characters or more. */
const pieces = (value) =>
  value
    .split(/\{[^{}]*\}/)
    .map(squash)
    .filter((piece) => [...piece].length >= 25);

/** Values that may rightly appear in any language: names of products and plans, URLs. */
const isName = (key, value) => /^ui\.(product|plan)-name\./.test(key) || /^https?:\/\/|:\/\//.test(value);

/**
 * Every sentence of another language's catalogues in `shown`: each literal
 * piece (25+ characters) of `foreign`'s values, unless the same key's value
 * in `own` contains that piece too (a name the translator kept).
 */
function foreignIn(shown, foreignTag, foreign, own) {
  const haystack = squash(shown);
  const found = [];
  for (const [key, value] of foreign) {
    if (isName(key, value)) continue;
    const mine = squash(own?.get(key) ?? "");
    for (const piece of pieces(value)) {
      if (mine.includes(piece)) continue;
      if (haystack.includes(piece)) found.push(`${foreignTag} ${key}: "${piece}"`);
    }
  }
  return found;
}

/** What `shown` holds of other languages than `tag` (the catalogue families in `cats`). */
function otherLanguageIn(shown, tag, cats = ["main"]) {
  const found = [];
  if (tag === "en") {
    const cjk = shown.match(new RegExp(`.{0,20}${CJK.source}.{0,20}`, "u"));
    if (cjk) found.push(`CJK characters: "${cjk[0]}"`);
    for (const other of LANGUAGES) {
      if (other.tag === "en") continue;
      for (const cat of cats) {
        const foreign = CATALOGUES[other.tag][cat];
        if (foreign) found.push(...foreignIn(shown, other.tag, foreign, CATALOGUES.en[cat]));
      }
    }
  } else {
    for (const cat of cats) found.push(...foreignIn(shown, "en", CATALOGUES.en[cat], CATALOGUES[tag][cat]));
  }
  return found;
}

/** Broken template output: a missing key (⟦key⟧) or an argument left unfilled. */
function brokenIn(shown) {
  const found = [];
  const missing = shown.match(/⟦[^⟧]*⟧/g);
  if (missing) found.push(...missing);
  const unfilled = shown.match(/\{[a-z_]+\}/g);
  if (unfilled) found.push(...unfilled);
  return found;
}

/**
 * Adds where each finding of `otherLanguageIn` sits on the page: the
 * innermost element under `root` whose text holds the quoted piece.
 */
async function located(root, list) {
  const out = [];
  for (const item of list) {
    const piece = item.match(/: "(.*)"$/)?.[1];
    const where = piece
      ? await root.evaluate((element, piece) => {
          const squash = (s) => s.replace(/\s+/g, " ");
          let best = null;
          for (const node of [element, ...element.querySelectorAll("*")]) {
            if (squash(node.innerText ?? "").includes(piece)) best = node;
          }
          if (!best) return null;
          const classes = [...best.classList].map((c) => `.${c}`).join("");
          const parent = best.parentElement?.closest("[class]");
          return `${parent ? `${[...parent.classList].map((c) => `.${c}`).join("")} ` : ""}${best.localName}${classes}`;
        }, piece)
      : null;
    out.push(where ? `${item} (shown in ${where})` : item);
  }
  return out;
}

/** An element's rendered text with its <q> quotations left out (the sources' own words). */
const textWithoutQuotes = (locator) =>
  locator.evaluate((element) => {
    let shown = element.innerText;
    for (const q of element.querySelectorAll("q")) if (q.innerText) shown = shown.replace(q.innerText, " ");
    return shown;
  });

// Each test's browser context: the clipboard may be read (the copied summary).
test.use({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });

const widgetText = (page, selector) => page.locator(selector).first().innerText();
/** The widget's heading, in `tag`'s words (ui.title). */
const expectTitle = (page, tag, message) =>
  expect(page.locator("h1").first(), message).toHaveText(text(tag, "main", "ui.title"), { useInnerText: true });

/** The visitor's answers, by the form's names and values (no English labels). */
async function answer(page, description) {
  await page.locator("textarea[name=description]").fill(description);
  await page.locator("select[name=product]").selectOption("dynamics365");
  await page.locator("input[name=triage-impact][value=critical]").check();
  await page.locator("input[name=triage-commit_24x7][value=true]").check();
  await page.locator(".triage-card .triage-steps li").first().waitFor();
}

/** Waits until the card shows `tag`'s first PTH-1 step (its language is installed). */
async function cardIn(page, tag) {
  await expect(
    page.locator(".triage-card .triage-steps li").first(),
    `the card's first step in ${tag} (path.pth1.1)`,
  ).toHaveText(squash(text(tag, "main", "path.pth1.1")), { useInnerText: true });
  return squash(await page.locator(".triage-card").innerText());
}

/**
 * Collects what is wrong instead of stopping at the first: each part of the
 * flow runs in `part`, a failure inside is recorded and the next part runs;
 * `check` records a failed expectation. `done` fails with the whole list.
 */
function findings() {
  const list = [];
  return {
    check(ok, message) {
      if (!ok) list.push(message);
    },
    none(found, message) {
      for (const item of found) list.push(`${message}: ${item}`);
    },
    async part(name, run) {
      try {
        return await run();
      } catch (error) {
        list.push(`${name}: ${error.message.split("\n")[0]}`);
        return undefined;
      }
    },
    done(what) {
      expect(list, `${what}: ${list.length} problem(s)`).toEqual([]);
    },
  };
}

test.describe("every interface language, the whole flow", () => {
  for (const language of LANGUAGES) {
    const { tag, locale, zone } = language;
    test.describe(() => {
      test.use({ locale, timezoneId: zone });

      test(`${tag} (browser ${locale}): interface, card, "Why?" panel and summary in ${tag}`, async ({ widget: page, log }) => {
        const { main, why } = of(tag);
        const found = findings();

        // 1. The interface speaks the browser's language.
        await expectTitle(page, tag, `the heading is ui.title of ${tag}`);
        await expect(page.locator(".support-triage")).toHaveAttribute("lang", tag);
        await expect(page.locator(".triage-page-language select"), "the switcher shows it").toHaveValue(tag);
        expect(squash(await widgetText(page, ".triage-describe .triage-question"))).toBe(squash(main.get("ui.describe")));
        await expect(page.locator(".triage-language-note"), "no fallback note").toBeHidden();

        // 2. A description in that language and the answers.
        await answer(page, language.text);
        await expect
          .poll(log.decision, { message: "a decision with severity A on PTH-1 (triage-change)" })
          .toMatchObject({ severity: "A", path: { rule: "PTH-1" } });
        const decision = await log.decision();
        expect(decision.locale ?? tag, "the engine was asked in the interface language").toBe(tag);
        const card = await cardIn(page, tag);

        // 3. The card: that language's words, no other language's sentences.
        await found.part("card", async () => {
          // The coverage is the engine's: 24x7 in English only (SUP-LANG), business hours otherwise.
          const coverage = `ui.coverage-name.${decision.response.coverage}`;
          for (const key of ["ui.kind", "ui.severity-name.A", "ui.first-response", "ui.where-to-file", coverage, "path.pth1.2"]) {
            found.check(card.includes(squash(text(tag, "main", key))), `the card lacks ${tag} ${key} "${main.get(key)}"`);
          }
          found.none(brokenIn(card), "the card shows a missing key or an unfilled argument");
          const cardRoot = page.locator(".triage-card");
          found.none(await located(cardRoot, otherLanguageIn(card, tag)), `the ${tag} card shows another language's text`);
          if (tag === "ja") {
            const times = squash(await widgetText(page, ".triage-response"));
            found.check(!/\bleft\b|\bhours?\b|\bminutes?\b/i.test(times), `Japanese durations in English words: ${times}`);
          }
        });

        // 4. The "Why?" panel: the rule sentences in that language, the sources' own words quoted.
        await found.part(`"Why?" panel`, async () => {
          const panel = page.locator(".triage-card .triage-why");
          await panel.locator("summary").click();
          await expect
            .poll(() => panel.innerText().then(squash), { message: `the panel shows why/${tag}.txt rule.SEV-A` })
            .toContain(squash(text(tag, "why", "rule.SEV-A")));
          const shownWhy = squash(await panel.innerText());
          for (const rule of decision.trace.map((entry) => entry.rule)) {
            for (const key of [`rule.${rule}`, `rule.${rule}.design`]) {
              if (why.has(key)) found.check(shownWhy.includes(squash(why.get(key))), `the panel lacks why/${tag}.txt ${key}`);
            }
          }
          // The trace cites documents in both languages (CLS-8: 002, Japanese; COV-1: 003, Indonesian).
          const cited = panel.locator("q[lang=ja], q[lang=id]");
          await expect
            .poll(() => cited.evaluateAll((qs) => qs.map((q) => q.lang)), {
              message: `the sources' own words on <q lang="ja"> and <q lang="id">`,
            })
            .toEqual(expect.arrayContaining(["ja", "id"]));
          const quotes = await cited.evaluateAll((qs) => qs.map((q) => [q.lang, q.innerText]));
          for (const [lang, quote] of quotes) {
            const expected = ORIGINALS.get(squash(quote));
            found.check(expected !== undefined, `<q lang=${lang}> is not a sentence of sources.txt: ${quote.slice(0, 80)}`);
            if (expected) found.check(expected === lang, `<q lang=${lang}> quotes a document written in ${expected}: ${quote.slice(0, 80)}`);
          }
          const whyText = await textWithoutQuotes(panel);
          found.none(brokenIn(whyText), `the "Why?" panel shows a missing key or an unfilled argument`);
          found.none(
            await located(panel, otherLanguageIn(whyText, tag, ["main", "why"])),
            `the ${tag} "Why?" panel (quotations aside) shows another language's text`,
          );
        });

        // 5. The copied summary.
        await found.part("summary", async () => {
          await page.locator(".triage-actions .triage-primary").click();
          await expect(page.locator(".triage-status").first(), `ui.copied of ${tag}`).toHaveText(squash(text(tag, "main", "ui.copied")), {
            useInnerText: true,
          });
          const summary = await page.evaluate(() => navigator.clipboard.readText());
          found.check(summary.startsWith(language.text), `the summary does not start with the description:\n${summary}`);
          for (const key of ["ui.kind", "ui.first-response", "ui.where-to-file"]) {
            found.check(summary.includes(`${text(tag, "main", key)}: `), `the summary lacks ${tag} ${key} "${main.get(key)}"`);
          }
          found.none(brokenIn(summary), "the summary shows a missing key or an unfilled argument");
          found.none(otherLanguageIn(summary.slice(language.text.length), tag), `the ${tag} summary shows another language's text`);
        });

        // 6. Screenshots for a reviewer.
        if (SCREENSHOT_OF.has(tag)) {
          await page.screenshot({ path: join(SCREENSHOTS, `language-${tag}.png`), fullPage: true });
        }
        found.none(log.errors, "page error");
        found.done(`${tag}: the card, the "Why?" panel and the summary`);
      });
    });
  }
});

test.describe("choosing the language", () => {
  const EN = LANGUAGES[0];

  test.describe(() => {
    test.use({ locale: EN.locale, timezoneId: EN.zone });

    test("the switcher changes the card's texts, and the choice survives a reload", async ({ widget: page, log }) => {
      of("fr");
      const found = findings();
      await answer(page, EN.text);
      await cardIn(page, "en");
      await page.locator(".triage-page-language select").selectOption("fr");
      const card = await cardIn(page, "fr");
      found.check((await widgetText(page, "h1")) === text("fr", "main", "ui.title"), "the heading did not switch to French");
      found.check(card.includes(squash(text("fr", "main", "ui.first-response"))), "the card lacks fr ui.first-response");
      found.check(!card.includes(squash(text("en", "main", "path.pth1.1"))), "the card still shows en path.pth1.1");
      found.none(await located(page.locator(".triage-card"), otherLanguageIn(card, "fr")), "the card switched to French shows English");
      await expect(page, "the URL remembers locale=fr").toHaveURL(/[#&]locale=fr(&|$)/);

      await page.reload();
      await ready(page);
      await expectTitle(page, "fr", "French after a reload");
      await expect(page.locator(".triage-page-language select")).toHaveValue("fr");
      await cardIn(page, "fr");

      // The draft remembers it too: the bare page in an English browser comes back in French.
      await open(page, "/");
      await expectTitle(page, "fr", "French from the draft");
      await cardIn(page, "fr");
      found.none(log.errors, "page error");
      found.done("switching to French");
    });
  });

  test.describe(() => {
    test.use({ locale: "en-US", timezoneId: "Europe/Lisbon" });

    test('<support-triage lang="pt-BR"> on a host page comes up in Portuguese', async ({ page, log }) => {
      of("pt");
      // A blank host page beside the dist's files: the two-line embed, nothing else.
      await page.route("**/languages-host.html", (route) =>
        route.fulfill({
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="./embed.js"></script></head>
<body><support-triage product="dynamics365" lang="pt-BR"></support-triage></body></html>`,
        }),
      );
      const found = findings();
      await open(page, "/languages-host.html");
      await expectTitle(page, "pt", "the element in Portuguese");
      await expect(page.locator(".triage-page-language select")).toHaveValue("pt");
      await expect(page.locator("select[name=product]"), "the product preset").toHaveValue("dynamics365");
      await page.locator("input[name=triage-impact][value=critical]").check();
      await page.locator("input[name=triage-commit_24x7][value=true]").check();
      const card = await cardIn(page, "pt");
      found.check(card.includes(squash(text("pt", "main", "ui.first-response"))), "the card lacks pt ui.first-response");
      found.none(brokenIn(card), "the card shows a missing key or an unfilled argument");
      found.none(await located(page.locator(".triage-card"), otherLanguageIn(card, "pt")), "the Portuguese element's card shows English");
      found.none(log.errors, "page error");
      found.done('<support-triage lang="pt-BR">');
    });
  });

  test.describe(() => {
    test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

    test("a language file that fails to load: a visible note, and a whole card in English", async ({ page, log }) => {
      let aborted = 0;
      await page.route(/\/locales\/de\.txt$/, (route) => {
        aborted += 1;
        return route.abort();
      });
      await open(page, "/");
      const note = page.locator(".triage-language-note");
      await expect(note, "the fallback note is visible with ui.language-fallback").toBeVisible();
      await expect(note, "the fallback note is visible with ui.language-fallback").toHaveText(
        squash(text("en", "main", "ui.language-fallback")),
        { useInnerText: true },
      );
      expect(aborted, "the widget asked for locales/de.txt").toBeGreaterThan(0);
      expect(await widgetText(page, "h1")).toBe(text("en", "main", "ui.title"));
      await answer(page, LANGUAGES.find((l) => l.tag === "de").text);
      const card = await cardIn(page, "en");
      for (const key of ["ui.kind", "ui.first-response", "ui.where-to-file", "path.pth1.2"]) {
        expect(card.includes(squash(text("en", "main", key))), `the English card shows ${key}\n${card}`).toBe(true);
      }
      expect(brokenIn(card), `the fallback card has no missing key or unfilled argument\n${card}`).toEqual([]);
      await expect(note, "the note stays").toBeVisible();
      expect(log.errors).toEqual([]);
    });
  });

  test.describe(() => {
    test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });

    /** Before the page's scripts: every heading the widget shows, frame by frame, until `window.__stop`. */
    const recordHeadings = () => {
      window.__headings = [];
      const look = () => {
        const heading = document.querySelector("support-triage")?.shadowRoot?.querySelector(".support-triage h1");
        const shown = heading?.textContent;
        if (shown && window.__headings.at(-1) !== shown) window.__headings.push(shown);
        if (!window.__stop) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    };

    test("a Japanese visitor sees Japanese from the first paint, never English first", async ({ page, log }) => {
      await page.addInitScript(recordHeadings);
      await open(page, "/");
      await expectTitle(page, "ja", "the heading in Japanese");
      const headings = await page.evaluate(() => (window.__stop = true) && window.__headings);
      expect(headings, "every heading shown, in order").toEqual([text("ja", "main", "ui.title")]);
      await expect(page.locator(".triage-language-note"), "no loading note").toBeHidden();
      expect(log.errors).toEqual([]);
    });

    test("attributes the host page changes while the language is on its way are the ones the widget starts with", async ({ page, log }) => {
      await page.route(/\/locales\/ja\.txt$/, async (route) => {
        await new Promise((later) => setTimeout(later, 800));
        return route.continue();
      });
      await page.route("**/languages-late-host.html", (route) =>
        route.fulfill({
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="./embed.js"></script></head>
<body><support-triage product="azure"></support-triage>
<script>setTimeout(() => document.querySelector("support-triage").setAttribute("product", "dynamics365"), 200);</script></body></html>`,
        }),
      );
      await open(page, "/languages-late-host.html");
      await expectTitle(page, "ja", "the element in Japanese");
      await expect(page.locator("select[name=product]"), "the product the page set last").toHaveValue("dynamics365");
      expect(log.errors).toEqual([]);
    });

    test("a language file that is slow to come: the widget shows in English with a note, then switches", async ({ page, log }) => {
      await page.addInitScript(recordHeadings);
      await page.route(/\/locales\/ja\.txt$/, async (route) => {
        await new Promise((later) => setTimeout(later, 4000));
        return route.continue();
      });
      await open(page, "/");
      await expect(page.locator(".triage-language-note"), "the loading note while it comes").toBeVisible();
      await expectTitle(page, "en", "English while Japanese is on its way");
      await expectTitle(page, "ja", "Japanese once it has come");
      await expect(page.locator(".triage-language-note"), "the note goes").toBeHidden();
      const headings = await page.evaluate(() => (window.__stop = true) && window.__headings);
      expect(headings).toEqual([text("en", "main", "ui.title"), text("ja", "main", "ui.title")]);
      expect(log.errors).toEqual([]);
    });
  });
});
