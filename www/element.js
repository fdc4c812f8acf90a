// Defines the <support-triage> custom element. The wasm module calls this
// once it starts; each element gets its own shadow root holding the widget's
// stylesheet (so host CSS cannot reach in and ours cannot leak out) and is
// rendered by the module's `mount`.
export function define_element(cssUrl, mount, unmount, rulesChanged, presetsChanged) {
  if (customElements.get("support-triage")) return;

  class SupportTriage extends HTMLElement {
    // `role` is observed for pages written before `filing-as`.
    static observedAttributes = ["lang", "filing-as", "role", "product", "plan", "location", "time-zone", "rules", "sync-url"];

    #rules = null;

    connectedCallback() {
      if (!this.shadowRoot) {
        const root = this.attachShadow({ mode: "open" });
        const style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = cssUrl;
        root.append(style, document.createElement("div"));
      }
      mount(this, this.shadowRoot.lastElementChild);
    }

    disconnectedCallback() {
      unmount(this);
    }

    attributeChangedCallback(name, before, after) {
      if (before === after || !this.isConnected || !this.shadowRoot) return;
      // Only `sync-url` remounts (it changes who owns the page URL); other
      // attributes update the visitor's answers in place.
      if (name === "rules") rulesChanged(this);
      else if (name === "sync-url") mount(this, this.shadowRoot.lastElementChild);
      else presetsChanged(this);
    }

    /** Owner rules as a plain object (see the README's overlay schema). */
    get rules() {
      return this.#rules;
    }

    set rules(value) {
      this.#rules = value ?? null;
      if (this.isConnected && this.shadowRoot) rulesChanged(this);
    }
  }

  customElements.define("support-triage", SupportTriage);
}
