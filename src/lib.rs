//! support-triage: a support-case triage widget.
//!
//! - [`engine`]: the pure-Rust decision engine (native and wasm32), also
//!   behind the `triage` command line.
//! - `web` (wasm32 only): the Leptos widget and the browser's doors to the engine.

pub mod engine;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod web;
