//! The widget's entry point: mounts the Leptos app (browser builds only).

#[cfg(target_arch = "wasm32")]
fn main() {
    support_triage::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("support-triage is the browser widget: serve it with `scripts/serve`; the command line is `triage`.");
}
