// Bundled by esbuild for the benchmark page: json-rules-engine in the browser.
export { Engine } from "json-rules-engine";
