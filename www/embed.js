// support-triage as one module: importing it defines <support-triage> and
// gives the JavaScript API. Embed with two lines:
//   <script type="module" src="/support-triage/embed.js"></script>
//   <support-triage product="dynamics365" lang="ja"></support-triage>
import init, { evaluate, classify, loadLocale, loadVocabulary } from "./support-triage.js";

await init({ module_or_path: new URL("./support-triage_bg.wasm", import.meta.url) });
// The widget is defined by now; the API reads descriptions once the
// classifier's vocabulary (fetched beside this module) has arrived.
await loadVocabulary();

export { evaluate, classify, loadLocale, loadVocabulary };
