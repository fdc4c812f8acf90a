// The widget as a guest on other people's pages: the two demo host pages
// built with the dist, served by the suite's web server, in Chromium.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, ROOT, SCREENSHOTS, test } from "./fixtures.mjs";

test.use({ locale: "en-US", timezoneId: "Europe/Berlin" });

const widget = (page, selector = "support-triage") => page.locator(selector);

test.describe("the support portal page", () => {
  test.use({ entry: "/portal.html" });

  test("embeds with two lines, presets answers from attributes, and prefills the host form from events", async ({ widget: page, log }) => {
    const triage = widget(page);
    await expect(triage.getByLabel("Which product?")).toHaveValue("dynamics365");
    await expect(triage.getByLabel("Support plan")).toHaveValue("professional_direct");
    await triage.getByLabel("What is wrong?").fill("Production is down, the sales app crashes");
    await triage.getByLabel("Production is down or badly degraded: we need help now").check();
    await triage.locator("input[name=triage-commit_24x7][value=true]").check();
    await expect(page.locator("#request-severity")).toHaveValue("A");
    await expect(page.locator("#request-path")).toHaveValue("PTH-1");
    await expect(page.locator("#request-due")).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    await page.screenshot({ path: join(SCREENSHOTS, "portal.png"), fullPage: true });
    expect(log.consoleErrors).toEqual([]);
  });

  test("keeps the host page's styles out, and its own in", async ({ widget: page }) => {
    // The widget's stylesheet is a <link> in the shadow root: wait until it applies.
    const inner = page.locator("support-triage .support-triage");
    await expect(inner).toHaveCSS("font-family", /system-ui/, { timeout: 10_000 });
    const font = await inner.evaluate((element) => getComputedStyle(element).fontFamily);
    expect(font, "the portal's serif font does not reach in").not.toMatch(/Georgia/);
    const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(body, "the widget's styles do not leak out").toMatch(/Georgia/);
  });

  test("shows a visitor's markup as text", async ({ widget: page, log }) => {
    const triage = widget(page);
    await triage.getByLabel("What is wrong?").fill("invoice <img src=x onerror=alert(1)>");
    await expect(triage.locator(".triage-chip").first()).toBeVisible();
    const images = await page.evaluate(() => document.querySelector("support-triage").shadowRoot.querySelectorAll("img").length);
    expect(images).toBe(0);
    await expect(triage.getByLabel("What is wrong?")).toHaveValue("invoice <img src=x onerror=alert(1)>");
    expect(log.dialogs).toEqual([]);
  });

  test("a bad overlay keeps the shipped rules, tells the owner and logs it", async ({ widget: page, log }) => {
    await page.evaluate(() => {
      document.querySelector("support-triage").rules = { response_targets: [{ plan: "gold", severity: "A", minutes: 5 }] };
    });
    const note = widget(page).locator(".triage-owner-note");
    // The visitor reads a note in their language; the owner finds the details on the console.
    await expect(note).toContainText("custom rules were not applied", { useInnerText: true });
    expect(log.consoleErrors.some((e) => e.includes("response_targets[0].plan")), "logged on the console").toBe(true);
    await widget(page).getByLabel("Work goes on, but impaired").check();
    await expect(widget(page).getByText("within 2 hours").first()).toBeVisible(); // the shipped Professional Direct B target
  });

  test("a same-origin URL overlay applies; a cross-origin one is refused", async ({ widget: page }) => {
    const triage = widget(page);
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("rules", "./overlay.example.json"));
    await triage.getByLabel("Work goes on, but impaired").check();
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("plan", "standard"));
    await triage.getByLabel("Work goes on, but impaired").check();
    await expect(triage.getByText("within 3 hours").first()).toBeVisible(); // the overlay's Standard B target
    const errors = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("rules", "https://example.com/rules.json"));
    await expect(triage.locator(".triage-owner-note").getByText(/custom rules were not applied/)).toBeVisible();
    expect(errors.some((e) => /must be on this site/.test(e)), errors.join("\n")).toBe(true);
  });
});

test.describe("a good guest", () => {
  test.use({ entry: "/portal.html" });

  test("an attribute change updates the answers in place; the visitor's text stays", async ({ widget: page }) => {
    const triage = widget(page);
    await triage.getByLabel("What is wrong?").fill("The VM does not start");
    await triage.getByLabel("Work goes on, but impaired").check();
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("product", "azure"));
    await expect(triage.getByLabel("Which product?")).toHaveValue("azure");
    await expect(triage.getByLabel("What is wrong?"), "not remounted").toHaveValue("The VM does not start");
    await expect(triage.getByLabel("Work goes on, but impaired")).toBeChecked();
  });

  test("start over returns to the host's presets, with an undo", async ({ widget: page }) => {
    const triage = widget(page);
    await triage.getByLabel("What is wrong?").fill("Invoices are wrong");
    await triage.getByLabel("Which product?").selectOption("azure");
    await triage.getByRole("button", { name: "Start over" }).click();
    await expect(triage.getByLabel("Which product?")).toHaveValue("dynamics365");
    await expect(triage.getByLabel("Support plan")).toHaveValue("professional_direct");
    await expect(triage.getByLabel("What is wrong?")).toHaveValue("");
    await triage.locator(".triage-status").getByRole("button", { name: "Undo" }).click();
    await expect(triage.getByLabel("What is wrong?")).toHaveValue("Invoices are wrong");
    await expect(triage.getByLabel("Which product?")).toHaveValue("azure");
  });

  test("triage-change carries words beside the codes", async ({ widget: page, log }) => {
    const triage = widget(page);
    await triage.getByLabel("Work goes on, but impaired").check();
    await expect.poll(async () => (await log.decision())?.severity).toBe("B");
    const decision = await log.decision();
    expect(decision.readable.locale).toBe("en");
    expect(decision.readable.severity).toBe("B: moderate");
    expect(decision.readable.first_response).toBe("within 2 hours");
    expect(decision.readable.path).toBe(decision.path.title);
    expect(decision.readable.due).toMatch(/\d\d:\d\d/);
    expect(decision.readable.summary).toContain("B: moderate");
    await expect(page.locator("#request-summary")).toHaveValue(decision.readable.summary);
  });

  test("who is filing: `filing-as`, and the old `role` still works with a console warning", async ({ widget: page }) => {
    const warnings = [];
    page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
    const triage = widget(page);
    await page.evaluate(() => document.querySelector("support-triage").setAttribute("filing-as", "partner_own"));
    await expect(triage.getByLabel("Who is filing?")).toHaveValue("partner_own");
    await page.evaluate(() => {
      const element = document.querySelector("support-triage");
      element.removeAttribute("filing-as");
      element.setAttribute("role", "end_user");
    });
    await expect(triage.getByLabel("Who is filing?")).toHaveValue("end_user");
    expect(warnings.some((w) => /role="end_user" is ARIA's attribute; write filing-as="end_user"/.test(w)), warnings.join("\n")).toBe(true);
  });
});

test.describe("the partner intranet page (strict CSP, Trusted Types, its own styles)", () => {
  test.use({ entry: "/intranet.html" });

  test("runs with no CSP violation, no error, and no request beyond its files and the overlay", async ({ widget: page, log, baseURL }) => {
    const escalations = widget(page, "#escalations");
    const secret = "ContosoSecret-4711 our customer cannot log in";
    await escalations.getByLabel("What is wrong?").fill(secret);
    await escalations.getByLabel("Production is down or badly degraded: we need help now").check();
    await expect(page.locator("#last-event").getByText(/escalations: /)).toBeVisible();
    await page.waitForTimeout(300); // a late violation would be reported within it
    expect(await log.violations()).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    const trustedTypes = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return "not enforced";
      } catch {
        return "enforced";
      }
    });
    expect(trustedTypes, "the page really requires Trusted Types").toBe("enforced");
    const origin = new URL(baseURL).origin;
    const allowed = /\/(intranet\.(html|css|js)|embed\.js|support-triage\.js|support-triage_bg\.wasm|widget\.css|overlay\.example\.json|snippets\/.*\.js|locales\/(why\/)?[A-Za-z-]+\.txt|locales\/sources\.txt|vocabulary\/[A-Za-z-]+\.txt|vocabulary\/model\.bin)$/;
    for (const url of log.requests) {
      if (url.startsWith("data:")) continue;
      expect(new URL(url).origin, `request off the site: ${url}`).toBe(origin);
      expect(url, `unexpected request: ${url}`).toMatch(allowed);
      expect(url, "nothing the visitor types leaves the browser").not.toContain("ContosoSecret");
    }
    await page.screenshot({ path: join(SCREENSHOTS, "intranet.png"), fullPage: true });
  });

  for (const scheme of ["light", "dark"]) {
    test.describe(() => {
      test.use({ colorScheme: scheme });

      test(`axe finds nothing on the host page, ${scheme} scheme, chips pressed and not`, async ({ widget: page, axe }) => {
        const escalations = widget(page, "#escalations");
        await escalations.getByLabel("What is wrong?").fill("we were charged twice on the invoice");
        const chip = escalations.locator(".triage-chip").first();
        await expect(chip).toBeVisible();
        expect(await axe()).toEqual([]);
        await chip.click();
        await expect(chip).toHaveAttribute("aria-pressed", "true");
        expect(await axe()).toEqual([]);
      });
    });
  }

  test("both elements work side by side, each with its own rules and language", async ({ widget: page }) => {
    const escalations = widget(page, "#escalations");
    const japan = widget(page, "#japan");
    await escalations.getByLabel("What is wrong?").fill("only in the first widget");
    await expect(japan.getByLabel("どのような問題ですか？"), "the two are independent").toHaveValue("");
    await japan.getByLabel("製品").selectOption("microsoft365");
    await expect(japan.getByText("Fabrikam の社内ポータル")).toBeVisible(); // rules given as an object
    const ruleset = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const element = document.getElementById("escalations");
          element.addEventListener("triage-change", (e) => resolve(e.detail.ruleset), { once: true });
          element.setAttribute("product", "microsoft365");
          setTimeout(() => resolve("no triage-change event within 10 s"), 10_000);
        }),
    );
    expect(ruleset, "rules fetched from the URL attribute").toBe("support-policy@2026.11+contoso-2026-11");
  });

  test("the JavaScript API answers under the strict CSP", async ({ widget: page }) => {
    // The page's script runs once embed.js has resolved (its vocabulary included).
    const result = page.locator("#api-result");
    await expect(result).toContainText("evaluate:");
    const text = await result.innerText();
    expect(text).toMatch(/severity A, due 2026-11-18T05:15:00Z, PTH-3/i);
    expect(text).toMatch(/billing \(請求書, 金額\)/i);
  });
});

test.describe("the JavaScript API", () => {
  test.use({ entry: "/portal.html" });

  test("decides the shared fixture exactly as `triage eval` does", async ({ widget: page }) => {
    // Built here, so a stale binary never stands in for the engine: minutes
    // when nothing is compiled yet.
    test.setTimeout(600_000);
    const fixture = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/parity.json"), "utf8"));
    const triage = join(ROOT, "target", "debug", "triage");
    execFileSync("cargo", ["build", "--quiet", "--bin", "triage"], { cwd: ROOT });
    const fromCli = JSON.parse(
      execFileSync(triage, ["eval", "--compact"], { input: JSON.stringify(fixture.cases) }).toString(),
    );
    const fromJs = await page.evaluate(async (cases) => {
      const { evaluate, loadLocale } = await import("./embed.js");
      // The languages the fixture asks for, fetched once before deciding.
      for (const tag of new Set(cases.map((c) => c.locale).filter(Boolean))) await loadLocale(tag);
      return cases.map((c) => evaluate(c));
    }, fixture.cases);
    expect(fromJs).toHaveLength(fixture.cases.length);
    fromJs.forEach((decision, index) => expect(decision, `case ${index}`).toStrictEqual(fromCli[index]));
  });

  test("throws an Error naming the bad field", async ({ widget: page }) => {
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
    expect(messages[0]).toMatch(/^true: product: the string "dynamics" is not allowed here; use one of: dynamics365/);
    expect(messages[1]).toMatch(/^true: time_zone: "Mars\/Base" is not an IANA time zone/);
    expect(messages[2]).toMatch(/^true: .*JSON object/);
    expect(messages[3]).toBe('"billing"');
  });
});
