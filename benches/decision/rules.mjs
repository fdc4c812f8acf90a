// The severity (SEV-1..3) and response-target (RT-1) rules of policy.md as
// json-rules-engine rules: the comparison's other side. Only what a rules
// engine expresses: facts in, the severity, the target and its coverage out
// (no business-hours clock, no texts).
const severity = [
  { impact: "critical", commit: true, severity: "A" },
  { impact: "critical", commit: false, severity: "B" },
  { impact: "moderate", commit: null, severity: "B" },
  { impact: "minimal", commit: null, severity: "C" },
];
const targets = {
  standard: { A: 60, B: 240, C: 480 },
  professional_direct: { A: 60, B: 120, C: 240 },
  unified: { A: 60, B: 120, C: 240 },
};

export const severityRules = severity.map(({ impact, commit, severity: level }) => ({
  name: `severity-${level}-${impact}-${commit}`,
  conditions: {
    all: [
      { fact: "impact", operator: "equal", value: impact },
      ...(commit === null ? [] : [{ fact: "commit_24x7", operator: "equal", value: commit }]),
    ],
  },
  event: { type: "severity", params: { severity: level } },
}));

export const targetRules = Object.entries(targets).flatMap(([plan, minutes]) =>
  Object.entries(minutes).map(([level, target]) => ({
    name: `target-${plan}-${level}`,
    conditions: {
      all: [
        { fact: "plan", operator: "equal", value: plan },
        { fact: "severity", operator: "equal", value: level },
        { fact: "product", operator: "in", value: ["dynamics365", "power_platform"] },
      ],
    },
    event: { type: "target", params: { minutes: target, coverage: level === "A" ? "24x7" : "business_hours" } },
  })),
);
