// The host portal's own form, prefilled from the widget's triage-change events.
for (const widget of document.querySelectorAll("support-triage")) {
  widget.addEventListener("triage-change", (event) => {
    const decision = event.detail;
    document.getElementById("request-category").value = decision.category;
    document.getElementById("request-severity").value = decision.severity ?? "none";
    document.getElementById("request-due").value = decision.response?.due ?? "";
    document.getElementById("request-path").value = decision.path.rule;
    // The same answer in the visitor's words, for the portal's agents.
    document.getElementById("request-due-text").value = decision.readable.due ?? "";
    document.getElementById("request-summary").value = decision.readable.summary;
  });
}
