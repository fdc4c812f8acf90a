// The intranet's own script: owner rules given as an object, the JS API, and
// the widget's events. Runs under the page's strict CSP.
import { classify, evaluate } from "./embed.js";

const japan = document.getElementById("japan");
japan.rules = {
  id: "fabrikam-jp",
  paths: {
    "PTH-5": {
      steps: ["Fabrikam の社内ポータルで「エスカレーション」を選び、内容を入力します。"],
      links: [{ label: "Fabrikam portal", url: "/escalations" }],
    },
  },
};

const decision = evaluate({
  product: "azure",
  role: "partner_for_customer",
  plan: "csp",
  impact: "critical",
  commit_24x7: true,
  submitted_at: "2026-11-18T03:15:00Z",
});
const words = classify("請求書の金額が間違っています");
document.getElementById("api-result").textContent =
  `evaluate: severity ${decision.severity}, due ${decision.response.due}, ${decision.path.rule}; ` +
  `classify: ${words.category} (${words.suggestions[0].matched.join(", ")})`;

document.addEventListener("triage-change", (event) => {
  document.getElementById("last-event").textContent =
    `${event.target.id}: ${event.detail.category}, severity ${event.detail.severity ?? "none"}, ${event.detail.path.rule} — ${event.detail.readable.summary}`;
});
