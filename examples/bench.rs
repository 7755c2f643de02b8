//! Times the full results natively: the same loop the browser runs (`gaplens::bench`).
//!
//! ```sh
//! cargo run --release --example make_bench_data -- /tmp/bench.csv
//! cargo run --release --example bench -- /tmp/bench.csv [--runs 11] [--json]
//! ```
//!
//! Parses the CSV once (timed apart, not part of the comparison), then times
//! `Results::compute` for all waves pooled and for each wave, `--runs` times each after one
//! warm-up, and prints the median per view in ms. `--json` prints the report as one JSON line
//! instead (what `scripts/bench.mjs` reads). Built with the project's release profile
//! (opt-level "z", LTO), like the browser build.

use gaplens::bench::{load, report_json, run};
use std::time::Instant;

fn main() {
    let mut file = None;
    let mut runs = 11u32;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) => runs = n,
                None => fail("--runs needs a whole number"),
            },
            "--json" => json = true,
            flag if flag.starts_with("--") => fail(&format!("unknown option {flag}")),
            path if file.is_none() => file = Some(path.to_owned()),
            extra => fail(&format!("unexpected argument {extra}")),
        }
    }
    let Some(file) = file else { fail("usage: bench FILE.csv [--runs N] [--json]") };
    let bytes = std::fs::read(&file).unwrap_or_else(|e| fail(&format!("cannot read {file}: {e}")));

    let origin = Instant::now();
    let now = move || origin.elapsed().as_secs_f64() * 1000.0;
    let start = now();
    let project = load(&bytes).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
    let parse_ms = now() - start;
    let report = run(&project, runs, parse_ms, &now);

    if json {
        println!("{}", report_json(&report));
        return;
    }
    println!(
        "{file}: {} customers + {} managers, {} items; parse {:.1} ms (not compared)",
        report.customers, report.management, report.items, report.parse_ms
    );
    println!("Results::compute, median of {} runs:", report.runs);
    for view in &report.views {
        println!("  {:<6} {:>9.2} ms  (min {:.2} ms)", view.view, view.median_ms, view.min_ms);
    }
    let total: f64 = report.views.iter().map(|v| v.median_ms).sum();
    println!("  {:<6} {:>9.2} ms", "total", total);
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2);
}
