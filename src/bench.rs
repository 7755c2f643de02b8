//! The benchmark's workload, shared by the native run (`examples/bench.rs`) and the browser
//! run (`gaplens_bench`, exported to JavaScript), so both time exactly the same loop; only
//! the clock differs. `scripts/bench.mjs` runs both, plus the SciPy script, and prints them
//! side by side.
//!
//! The work timed is [`Results::compute`] for each view of the file: all waves pooled, then
//! each wave. Parsing the CSV is timed separately and is not part of the comparison.
//!
//! The module is pure and compiles everywhere; only the export is web-only, and only with the
//! `bench` feature, so the app's download does not grow.

use crate::analysis::stats::GapTest;
use crate::analysis::{Filter, Results, OTHER_DIMENSION};
use crate::import::{parse_responses, ImportOptions, ItemPolicy};
use crate::model::{Dimension, DimensionCode, Item, Project, ProjectId, Scale, Source};
use crate::template::SERVQUAL;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// What one benchmark run measured.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Customer rows in the file.
    pub customers: usize,
    /// Management rows in the file.
    pub management: usize,
    /// Items with a column.
    pub items: usize,
    /// Timed runs per view (after one untimed warm-up run).
    pub runs: u32,
    /// Parsing the CSV into a project, ms (once; not part of the comparison).
    pub parse_ms: f64,
    /// All waves first, then each wave in file order.
    pub views: Vec<ViewTiming>,
}

/// Timings and a digest of the figures of one view.
#[derive(Debug, Clone, Serialize)]
pub struct ViewTiming {
    /// `all`, or the wave's name.
    pub view: String,
    /// Median of the timed runs, ms.
    pub median_ms: f64,
    /// Fastest run, ms.
    pub min_ms: f64,
    /// Every timed run, ms, in order.
    pub samples_ms: Vec<f64>,
    /// Selected figures by name, to check that every engine computed the same thing
    /// (the names `scripts/reference/bench.py` uses).
    pub digest: BTreeMap<String, f64>,
}

/// Reads a Responses CSV like `gaplens analyze FILE.csv` without `--project`: the SERVQUAL
/// template on 1–7, the file's items in template order, rows without a wave in no wave.
///
/// # Errors
/// The import's message when the file is rejected.
pub fn load(csv: &[u8]) -> Result<Project, String> {
    let no_ids = HashSet::new();
    let imported = parse_responses(
        csv,
        &ImportOptions {
            scale: Scale::SEVEN,
            items: ItemPolicy::TemplateAndUnknown,
            existing_ids: &no_ids,
            default_wave: None,
            id_prefix: "row-",
        },
    )
    .map_err(|e| e.to_string())?;
    let mut dimensions = SERVQUAL.dimensions();
    if imported.items.iter().any(|i| i.dimension.as_str() == OTHER_DIMENSION) {
        dimensions.push(Dimension {
            code: DimensionCode::new(OTHER_DIMENSION).map_err(|e| e.to_string())?,
            name: "Other".to_owned(),
        });
    }
    let mut project = Project::new(
        ProjectId::new("bench").map_err(|e| e.to_string())?,
        "bench",
        Scale::SEVEN,
        dimensions,
        imported.items,
    )
    .map_err(|e| e.to_string())?;
    project.append_responses(imported.responses, &imported.waves);
    Ok(project)
}

/// Times [`Results::compute`] over every view of `project`, `runs` times each after one
/// warm-up; `now` is a clock in milliseconds.
pub fn run(project: &Project, runs: u32, parse_ms: f64, now: &dyn Fn() -> f64) -> Report {
    let items: Vec<&Item> = project.items.iter().collect();
    let mut filters = vec![Filter::all()];
    filters.extend(project.waves.iter().map(|w| Filter::wave(&w.name)));
    let views = filters
        .iter()
        .map(|filter| {
            let warm_up = Results::compute(project, filter, &items);
            let mut samples_ms = Vec::with_capacity(runs as usize);
            for _ in 0..runs.max(1) {
                let start = now();
                let results = Results::compute(project, filter, &items);
                let elapsed = now() - start;
                std::hint::black_box(&results);
                samples_ms.push(elapsed);
            }
            ViewTiming {
                view: filter.wave.clone().unwrap_or_else(|| "all".to_owned()),
                median_ms: median(&samples_ms),
                min_ms: samples_ms.iter().copied().fold(f64::INFINITY, f64::min),
                samples_ms,
                digest: digest(&warm_up),
            }
        })
        .collect();
    let (customers, management) = project.responses.iter().fold((0, 0), |(c, m), r| match r.source {
        Source::Customer => (c + 1, m),
        Source::Management => (c, m + 1),
    });
    Report { customers, management, items: items.len(), runs: runs.max(1), parse_ms, views }
}

/// The report as one line of JSON.
pub fn report_json(report: &Report) -> String {
    serde_json::to_string(report).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The figures the SciPy script computes too, by name (`REL1.gap.t`, `rel.alpha`, …).
pub fn digest(results: &Results) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    for item in &results.items {
        let code = &item.code;
        put(&mut out, format!("{code}.E.n"), Some(item.expectation.n as f64));
        put(&mut out, format!("{code}.E.mean"), item.expectation.mean);
        put(&mut out, format!("{code}.E.sd"), item.expectation.sd);
        put(&mut out, format!("{code}.P.n"), Some(item.perception.n as f64));
        put(&mut out, format!("{code}.P.mean"), item.perception.mean);
        put(&mut out, format!("{code}.P.sd"), item.perception.sd);
        put_test(&mut out, &format!("{code}.gap"), &item.perception_gap);
        if let Some(test) = &item.knowledge_gap {
            put_test(&mut out, &format!("{code}.knowledge"), test);
        }
        if let Some(test) = &item.experience_gap {
            put_test(&mut out, &format!("{code}.experience"), test);
        }
    }
    for dimension in &results.dimensions {
        let code = &dimension.code;
        put(&mut out, format!("{code}.alpha"), dimension.alpha.map(|a| a.value));
        put(&mut out, format!("{code}.alpha_cases"), dimension.alpha.map(|a| a.cases as f64));
        put_test(&mut out, &format!("{code}.gap"), &dimension.perception_gap);
    }
    put_test(&mut out, "overall.gap", &results.overall.perception_gap);
    out
}

fn put(out: &mut BTreeMap<String, f64>, key: String, value: Option<f64>) {
    if let Some(value) = value {
        out.insert(key, value);
    }
}

fn put_test(out: &mut BTreeMap<String, f64>, prefix: &str, test: &GapTest) {
    put(out, format!("{prefix}.n"), Some(test.summary.n as f64));
    put(out, format!("{prefix}.mean"), test.summary.mean);
    put(out, format!("{prefix}.sd"), test.summary.sd);
    put(out, format!("{prefix}.ci_low"), test.summary.ci_low);
    put(out, format!("{prefix}.ci_high"), test.summary.ci_high);
    put(out, format!("{prefix}.t"), test.t);
    put(out, format!("{prefix}.p"), test.p);
    put(out, format!("{prefix}.p_holm"), test.p_holm.flatten());
    put(out, format!("{prefix}.dz"), test.dz.flatten());
}

/// `gaplens_bench(csv, runs)` for the benchmark page: parses `csv` (timed once, apart), then
/// times the figures of every view `runs` times with `performance.now()`. Returns
/// [`Report`] as JSON, or `{"error": "…"}` when the file is rejected. Only in a web build
/// with the `bench` feature (`trunk build --release --features bench`).
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn gaplens_bench(csv: &str, runs: u32) -> String {
    let start = performance_now();
    let project = match load(csv.as_bytes()) {
        Ok(project) => project,
        Err(message) => return serde_json::json!({ "error": message }).to_string(),
    };
    let parse_ms = performance_now() - start;
    report_json(&run(&project, runs, parse_ms, &performance_now))
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
