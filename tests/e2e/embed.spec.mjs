// The widget as a guest on other people's pages: the two demo host pages
// built with the dist, served from a local static server, in Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, ROOT, SCREENSHOTS, serve } from "./support.mjs";

let browser;
let site;

before(async () => {
  site = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a host page, recording console errors, CSP violations and requests. */
async function host(path, options = {}) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Berlin", ...options });
  const page = await context.newPage();
  const log = { errors: [], requests: [], dialogs: [] };
  page.on("console", (message) => message.type() === "error" && log.errors.push(message.text()));
  page.on("pageerror", (error) => log.errors.push(error.message));
  page.on("request", (request) => log.requests.push(request.url()));
  page.on("dialog", (dialog) => {
    log.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  await page.goto(`${site.url}/${path}`);
  await page.locator("support-triage .support-triage[data-ready]").first().waitFor({ timeout: 30_000 });
  return { context, page, log };
}

const widget = (page, selector = "support-triage") => page.locator(selector);

describe("the support portal page", () => {
  test("embeds with two lines, presets answers from attributes, and prefills the host form from events", async () => {
    const { context, page, log } = await host("portal.html");
    const triage = widget(page);
    assert.equal(await triage.getByLabel("Which product?").inputValue(), "dynamics365");
    assert.equal(await triage.getByLabel("Support plan").inputValue(), "professional_direct");
    await triage.getByLabel("What is wrong?").fill("Production is down, the sales app crashes");
    await triage.getByLabel("Production is down or badly degraded: we need help now").check();
    await triage.locator("input[name=triage-commit_24x7][value=true]").check();
    await page.waitForFunction(() => document.getElementById("request-severity").value === "A");
    assert.equal(await page.locator("#request-path").inputValue(), "PTH-1");
    assert.match(await page.locator("#request-due").inputValue(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    await page.screenshot({ path: join(SCREENSHOTS, "portal.png"), fullPage: true });
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test("keeps the host page's styles out, and its own in", async () => {
    const { context, page } = await host("portal.html");
    // The widget's stylesheet is a <link> in the shadow root: wait until it applies.
    await page.waitForFunction(() => {
      const inner = document.querySelector("support-triage")?.shadowRoot?.querySelector(".support-triage");
      return inner && /system-ui/.test(getComputedStyle(inner).fontFamily);
    }, null, { timeout: 10_000 });
    const font = await page.evaluate(() => {
      const inner = document.querySelector("support-triage").shadowRoot.querySelector(".support-triage");
      return getComputedStyle(inner).fontFamily;
    });
    assert.doesNotMatch(font, /Georgia/, "the portal's serif font does not reach in");
    const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(body, /Georgia/, "the widget's styles do not leak out");
    await context.close();
  });

  test("shows a visitor's markup as text", async () => {
    const { context, page, log } = await host("portal.html");
    const triage = widget(page);
    await triage.getByLabel("What is wrong?").fill("invoice <img src=x onerror=alert(1)>");
    await triage.locator(".triage-chip").first().waitFor();
    const images = await page.evaluate(() => document.querySelector("support-triage").shadowRoot.querySelectorAll("img").length);
    assert.equal(images, 0);
    assert.equal(await triage.getByLabel("What is wrong?").inputValue(), "invoice <img src=x onerror=alert(1)>");
    assert.deepEqual(log.dialogs, []);
    await context.close();
  });

  test("a bad overlay keeps the shipped rules, tells the owner and logs it", async () => {
    const { context, page, log } = await host("portal.html");
    await page.evaluate(() => {
      document.querySelector("support-triage").rules = { response_targets: [{ plan: "gold", severity: "A", minutes: 5 }] };
    });
    const note = widget(page).locator(".triage-owner-note");
    await note.waitFor();
    // The visitor reads a note in their language; the owner finds the details on the console.
    assert.match(await note.innerText(), /custom rules were not applied/);
    assert.ok(log.errors.some((e) => e.includes("response_targets[0].plan")), "logged on the console");
    await widget(page).getByLabel("Work goes on, but impaired").check();
    await widget(page).getByText("within 2 hours").first().waitFor(); // the shipped Professional Direct B target
    await context.close();
  });

  test("a same-origin URL overlay applies; a cross-origin one is refused", async () => {
    const { context, page } = await host("portal.html");
    const triage = widget(page);
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("rules", "./overlay.example.json"));
    await triage.getByLabel("Work goes on, but impaired").check();
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("plan", "standard"));
    await triage.getByLabel("Work goes on, but impaired").check();
    await triage.getByText("within 3 hours").first().waitFor(); // the overlay's Standard B target
    const errors = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("rules", "https://example.com/rules.json"));
    await triage.locator(".triage-owner-note").getByText(/custom rules were not applied/).waitFor();
    assert.ok(errors.some((e) => /must be on this site/.test(e)), errors.join("\n"));
    await context.close();
  });
});

describe("the partner intranet page (strict CSP, Trusted Types, its own styles)", () => {
  test("runs with no CSP violation, no error, and no request beyond its files and the overlay", async () => {
    const { context, page, log } = await host("intranet.html");
    const escalations = widget(page, "#escalations");
    const secret = "ContosoSecret-4711 our customer cannot log in";
    await escalations.getByLabel("What is wrong?").fill(secret);
    await escalations.getByLabel("Production is down or badly degraded: we need help now").check();
    await page.locator("#last-event").getByText(/escalations: /).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.errors, []);
    const trustedTypes = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return "not enforced";
      } catch {
        return "enforced";
      }
    });
    assert.equal(trustedTypes, "enforced", "the page really requires Trusted Types");
    const origin = new URL(site.url).origin;
    const allowed = /\/(intranet\.(html|css|js)|embed\.js|support-triage\.js|support-triage_bg\.wasm|widget\.css|overlay\.example\.json|snippets\/.*\.js|locales\/(why\/)?[A-Za-z-]+\.txt|locales\/sources\.txt|vocabulary\/[A-Za-z-]+\.txt)$/;
    for (const url of log.requests) {
      if (url.startsWith("data:")) continue;
      assert.equal(new URL(url).origin, origin, `request off the site: ${url}`);
      assert.match(url, allowed, `unexpected request: ${url}`);
      assert.ok(!url.includes("ContosoSecret"), "nothing the visitor types leaves the browser");
    }
    await page.screenshot({ path: join(SCREENSHOTS, "intranet.png"), fullPage: true });
    await context.close();
  });

  test("both elements work side by side, each with its own rules and language", async () => {
    const { context, page } = await host("intranet.html");
    const escalations = widget(page, "#escalations");
    const japan = widget(page, "#japan");
    await escalations.getByLabel("What is wrong?").fill("only in the first widget");
    assert.equal(await japan.getByLabel("どのような問題ですか？").inputValue(), "", "the two are independent");
    await japan.getByLabel("製品").selectOption("microsoft365");
    await japan.getByText("Fabrikam の社内ポータル").waitFor(); // rules given as an object
    const ruleset = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const element = document.getElementById("escalations");
          element.addEventListener("triage-change", (e) => resolve(e.detail.ruleset), { once: true });
          element.setAttribute("product", "microsoft365");
          setTimeout(() => resolve("no triage-change event within 10 s"), 10_000);
        }),
    );
    assert.equal(ruleset, "support-policy@2026.11+contoso-2026-11", "rules fetched from the URL attribute");
    await context.close();
  });

  test("the JavaScript API answers under the strict CSP", async () => {
    const { context, page } = await host("intranet.html");
    // The page's script runs once embed.js has resolved (its vocabulary included).
    await page.locator("#api-result", { hasText: "evaluate:" }).waitFor();
    const text = await page.locator("#api-result").innerText();
    assert.match(text, /severity A, due 2026-11-18T05:15:00Z, PTH-3/i);
    assert.match(text, /billing \(請求書, 金額\)/i);
    await context.close();
  });
});

describe("the JavaScript API", () => {
  test("decides the shared fixture exactly as `triage eval` does", async () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/parity.json"), "utf8"));
    const triage = join(ROOT, "target", "debug", "triage");
    // Always built first, so a stale binary never stands in for the engine.
    execFileSync("cargo", ["build", "--quiet", "--bin", "triage"], { cwd: ROOT });
    const fromCli = JSON.parse(
      execFileSync(triage, ["eval", "--compact"], { input: JSON.stringify(fixture.cases) }).toString(),
    );
    const { context, page } = await host("portal.html");
    const fromJs = await page.evaluate(async (cases) => {
      const { evaluate, loadLocale } = await import("./embed.js");
      // The languages the fixture asks for, fetched once before deciding.
      for (const tag of new Set(cases.map((c) => c.locale).filter(Boolean))) await loadLocale(tag);
      return cases.map((c) => evaluate(c));
    }, fixture.cases);
    assert.equal(fromJs.length, fixture.cases.length);
    fromJs.forEach((decision, index) => assert.deepEqual(decision, fromCli[index], `case ${index}`));
    await context.close();
  });

  test("throws an Error naming the bad field", async () => {
    const { context, page } = await host("portal.html");
    const messages = await page.evaluate(async () => {
      const { evaluate, classify } = await import("./embed.js");
      const caught = (f) => {
        try {
          f();
          return "no error";
        } catch (error) {
          return `${error instanceof Error}: ${error.message}`;
        }
      };
      return [
        caught(() => evaluate({ product: "dynamics" })),
        caught(() => evaluate({ product: "azure", time_zone: "Mars/Base" })),
        caught(() => evaluate("azure")),
        JSON.stringify(classify("the invoice is wrong").category),
      ];
    });
    assert.match(messages[0], /^true: product: the string "dynamics" is not allowed here; use one of: dynamics365/);
    assert.match(messages[1], /^true: time_zone: "Mars\/Base" is not an IANA time zone/);
    assert.match(messages[2], /^true: .*JSON object/);
    assert.equal(messages[3], '"billing"');
    await context.close();
  });
});
