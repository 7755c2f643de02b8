//! The import benchmark's parsing workload: [`parse_responses`] on a Responses CSV with the
//! options the Data page uses for a new project from the SERVQUAL template (scale 1–7, the
//! template's items, no stored ids, default wave "Wave 1"). `scripts/bench-import.mjs` calls
//! `gaplens_bench_parse` in the browser and compares it with PapaParse; the whole import (file →
//! parse → save) it times by driving the real Data page.
//!
//! The pure part compiles natively (tested below); the JavaScript export exists only in a web
//! build with the `bench` feature (`trunk build --release --features bench`), so the app people
//! download does not carry it.

use crate::import::{parse_responses, ImportOptions, ImportedFile, ItemPolicy};
use crate::model::{Item, Scale, Source};
use crate::template::SERVQUAL;
use serde::Serialize;
use std::collections::HashSet;

/// What one call of the parse benchmark measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParseReport {
    /// Size of the file, bytes.
    pub bytes: usize,
    /// Data rows accepted (customers + management).
    pub rows: usize,
    /// Customer rows.
    pub customers: usize,
    /// Management rows.
    pub management: usize,
    /// Items with a column in the file.
    pub items: usize,
    /// Waves the rows name (including the default wave when used).
    pub waves: usize,
    /// Timed runs (the first one included: it is what a user's single import costs).
    pub runs: u32,
    /// The first run, ms.
    pub first_ms: f64,
    /// Median of all runs, ms.
    pub median_ms: f64,
    /// Fastest run, ms.
    pub min_ms: f64,
    /// Every run, ms, in order.
    pub samples_ms: Vec<f64>,
}

/// Parses `bytes` the way the Data page does for a new SERVQUAL project (`items` are the
/// template's items).
///
/// # Errors
/// The import's message (the number of problems and the first one) when the file is rejected.
pub fn parse_like_data_page(bytes: &[u8], items: &[Item]) -> Result<ImportedFile, String> {
    let no_ids = HashSet::new();
    parse_responses(
        bytes,
        &ImportOptions {
            scale: Scale::SEVEN,
            items: ItemPolicy::Project(items),
            existing_ids: &no_ids,
            default_wave: Some("Wave 1"),
            id_prefix: "bench-",
        },
    )
    .map_err(|error| {
        let first = error.problems.first().map(ToString::to_string).unwrap_or_default();
        format!("{} problem(s); first: {first}", error.total())
    })
}

/// Parses `bytes` `runs` times (at least once) with [`parse_like_data_page`], timing each run
/// with `now` (milliseconds).
///
/// # Errors
/// The import's message when the file is rejected.
pub fn run(bytes: &[u8], runs: u32, now: &dyn Fn() -> f64) -> Result<ParseReport, String> {
    let items = SERVQUAL.items();
    let runs = runs.max(1);
    let mut samples_ms = Vec::with_capacity(runs as usize);
    let mut last = None;
    for _ in 0..runs {
        let start = now();
        let file = parse_like_data_page(bytes, &items)?;
        samples_ms.push(now() - start);
        // Drop the previous result outside the timed span.
        last = Some(std::hint::black_box(file));
    }
    let file = last.ok_or_else(|| "no run".to_owned())?;
    let customers = file.responses.iter().filter(|r| r.source == Source::Customer).count();
    Ok(ParseReport {
        bytes: bytes.len(),
        rows: file.responses.len(),
        customers,
        management: file.responses.len() - customers,
        items: file.items.len(),
        waves: file.waves.len(),
        runs,
        first_ms: samples_ms[0],
        median_ms: median(&samples_ms),
        min_ms: samples_ms.iter().copied().fold(f64::INFINITY, f64::min),
        samples_ms,
    })
}

/// The median of `values` (NaN when empty).
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The result of [`run`] as one line of JSON: the [`ParseReport`], or `{"error": "…"}`.
pub fn run_json(bytes: &[u8], runs: u32, now: &dyn Fn() -> f64) -> String {
    match run(bytes, runs, now) {
        Ok(report) => serde_json::to_string(&report)
            .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string()),
        Err(message) => serde_json::json!({ "error": message }).to_string(),
    }
}

/// `gaplens_bench_parse(bytes, runs)` for the import benchmark page: parses the CSV `bytes`
/// (a `Uint8Array`) `runs` times like the Data page and returns [`ParseReport`] as JSON, timed
/// with `performance.now()`, or `{"error": "…"}` when the file is rejected. Only in a web build
/// with the `bench` feature.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn gaplens_bench_parse(bytes: &[u8], runs: u32) -> String {
    run_json(bytes, runs, &performance_now)
}

/// `performance.now()` when the global has it (window and workers do), else `Date.now()`.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
fn performance_now() -> f64 {
    use wasm_bindgen::JsCast;
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"performance".into())
        .ok()
        .and_then(|performance| {
            let now = js_sys::Reflect::get(&performance, &"now".into()).ok()?;
            now.dyn_into::<js_sys::Function>().ok()?.call0(&performance).ok()?.as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn clock() -> impl Fn() -> f64 {
        let t = Cell::new(0.0);
        move || {
            t.set(t.get() + 1.5);
            t.get()
        }
    }

    #[test]
    fn counts_rows_and_times_every_run() {
        let csv = "id,source,wave,segment:channel,E:TAN1,P:TAN1,E:REL1,P:REL1,nps,csat,ces,comment\n\
                   a,customer,Q1,web,6,5,7,4,9,4,2,\"late, and \"\"rude\"\"\"\n\
                   b,customer,,store,5,,6,6,,,,\n\
                   m,management,Q1,,6,6,6,7,,,,\n";
        let now = clock();
        let report = run(csv.as_bytes(), 3, &now).unwrap();
        assert_eq!((report.rows, report.customers, report.management), (3, 2, 1));
        assert_eq!((report.items, report.waves, report.runs), (2, 2, 3));
        assert_eq!(report.samples_ms, vec![1.5, 1.5, 1.5]);
        assert_eq!((report.first_ms, report.median_ms, report.min_ms), (1.5, 1.5, 1.5));
        assert_eq!(report.bytes, csv.len());
    }

    #[test]
    fn zero_runs_means_one() {
        let now = clock();
        assert_eq!(run(b"id,P:TAN1\na,3\n", 0, &now).unwrap().runs, 1);
    }

    #[test]
    fn a_rejected_file_is_an_error_in_json() {
        let now = clock();
        let json: serde_json::Value = serde_json::from_str(&run_json(b"id,P:XYZ9\na,3\n", 2, &now)).unwrap();
        let message = json["error"].as_str().unwrap();
        assert!(message.contains("XYZ9"), "{message}");
        let json: serde_json::Value = serde_json::from_str(&run_json(b"id,P:TAN1\na,9\n", 2, &now)).unwrap();
        assert!(json["error"].as_str().unwrap().starts_with("1 problem(s)"), "{json}");
    }

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
    }
}
