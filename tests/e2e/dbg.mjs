import { launch, ready, serve } from "./support.mjs";
const site = await serve(); const b = await launch();
for (const path of ["/", "/portal.html", "/intranet.html"]) {
  const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
  p.on("console", (m) => console.log(path, m.type(), m.text()));
  p.on("pageerror", (e) => console.log(path, "pageerror", e.message));
  await p.goto(site.url + path);
  await p.waitForTimeout(2000);
  await p.screenshot({ path: `/tmp/page-${path.replace(/\W/g, "") || "index"}.png`, fullPage: false });
  console.log(path, await p.locator("#api-result").count() ? await p.locator("#api-result").innerText() : "");
  await p.close();
}
await b.close(); await site.close();
