//! Gaplens: the customer-experience gap analyser. One crate, two entries: the web app
//! (`src/main.rs`, compiled to WebAssembly) and the native command (`src/bin/gaplens.rs`).

/// The interface's languages and the `t!`/`k!` text macros (declared first, so every module
/// below can use the macros).
#[macro_use]
pub mod i18n;
/// Projects, items, responses: plain data, valid by construction.
pub mod model;
/// Ready-made item sets (SERVQUAL structure, in our own words).
pub mod template;
/// The demo project: a hotel with two waves of answers.
pub mod demo;
/// Statistics and the gap figures (pure).
pub mod analysis;
/// Plain-language explanations of every figure, for "What is this?" and the glossary (pure).
pub mod explain;
/// The start guide: seven steps, each one's state derived from the project's data (pure).
pub mod guide;
/// Stable sorting that compiles the sort routine once (pure).
pub mod sort;
/// Numbers as people read them (pure).
pub mod format;
/// Files in: CSV with positioned errors (pure).
pub mod import;
/// Files out: the Results JSON (pure).
pub mod export;
/// The native command's logic, callable from tests.
pub mod cli;
/// The benchmark's workload, timed natively (`examples/bench.rs`) and in the browser
/// (`gaplens_bench`, web build with the `bench` feature); `scripts/bench.mjs` runs both.
pub mod bench;
/// The import benchmark's parsing workload (`gaplens_bench_parse`, web build with the `bench`
/// feature); `scripts/bench-import.mjs` runs it.
pub mod bench_import;

/// The only module that touches the browser's local storage (its stored form, `storage::codec`,
/// is pure and compiles natively; the local-storage parts only for wasm32).
pub mod storage;
/// The Leptos interface.
#[cfg(target_arch = "wasm32")]
pub mod ui;
