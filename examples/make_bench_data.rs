//! Writes the benchmark's Responses CSV: a deterministic SERVQUAL survey (22 items, TAN1–EMP5)
//! with customers and managers in several waves.
//!
//! ```sh
//! cargo run --release --example make_bench_data -- OUT.csv [--customers 10000] [--managers 10]
//!     [--waves 2] [--missing 0.05] [--seed 2026]
//! ```
//!
//! `--customers` and `--managers` are per wave, so the defaults write 2 × (10,000 + 10) rows:
//! "10,000 respondents × 2 waves" read as 10,000 customers answering in each wave. Each
//! E and P cell is blank with probability `--missing`. Answers are 1–7 integers drawn around
//! per-item means with a respondent factor and a per-dimension factor (so Cronbach's alpha is
//! realistic); managers expect a little less and rate delivery higher than customers do; wave
//! 2 is slightly better than wave 1. The same arguments always write the same bytes.

use std::io::Write;

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

const DIMENSIONS: [(&str, &str, usize); 5] =
    [("tan", "TAN", 4), ("rel", "REL", 5), ("res", "RES", 4), ("ass", "ASS", 4), ("emp", "EMP", 5)];

struct Options {
    out: String,
    customers: usize,
    managers: usize,
    waves: usize,
    missing: f64,
    seed: u64,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options =
        Options { out: String::new(), customers: 10_000, managers: 10, waves: 2, missing: 0.05, seed: 2026 };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--customers" => options.customers = value("--customers")?.parse().map_err(|e| format!("--customers: {e}"))?,
            "--managers" => options.managers = value("--managers")?.parse().map_err(|e| format!("--managers: {e}"))?,
            "--waves" => options.waves = value("--waves")?.parse().map_err(|e| format!("--waves: {e}"))?,
            "--missing" => options.missing = value("--missing")?.parse().map_err(|e| format!("--missing: {e}"))?,
            "--seed" => options.seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if options.out.is_empty() => options.out = path.to_owned(),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    if options.out.is_empty() {
        return Err("usage: make_bench_data OUT.csv [--customers N] [--managers N] [--waves N] [--missing P] [--seed S]".into());
    }
    if !(0.0..1.0).contains(&options.missing) {
        return Err("--missing must be in [0, 1)".into());
    }
    Ok(options)
}

fn point(value: f64) -> u8 {
    value.round().clamp(1.0, 7.0) as u8
}

fn main() {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let mut rng = Rng(options.seed);
    // (code, dimension index, mean expectation, mean gap P − E)
    let items: Vec<(String, usize, f64, f64)> = DIMENSIONS
        .iter()
        .enumerate()
        .flat_map(|(d, (_, prefix, count))| (1..=*count).map(move |i| (format!("{prefix}{i}"), d)))
        .map(|(code, d)| {
            let expectation = 5.3 + 1.2 * rng.uniform();
            let gap = -1.4 + 1.5 * rng.uniform();
            (code, d, expectation, gap)
        })
        .collect();

    let mut csv = String::with_capacity((options.customers + options.managers) * options.waves * 120);
    csv.push_str("id,source,wave");
    for (code, ..) in &items {
        csv.push_str(&format!(",E:{code},P:{code}"));
    }
    csv.push('\n');
    let cell = |csv: &mut String, rng: &mut Rng, value: u8| {
        csv.push(',');
        if rng.uniform() >= options.missing {
            csv.push(char::from(b'0' + value));
        }
    };
    for wave in 1..=options.waves {
        let improvement = 0.15 * (wave - 1) as f64;
        for m in 1..=options.managers {
            csv.push_str(&format!("W{wave}-m{m:03},management,W{wave}"));
            let lenient = 0.3 * rng.normal();
            for (_, _, expectation, _) in &items {
                let e = point(expectation - 0.4 + 0.6 * rng.normal());
                let s = point(6.2 + lenient + 0.5 * rng.normal());
                cell(&mut csv, &mut rng, e);
                cell(&mut csv, &mut rng, s);
            }
            csv.push('\n');
        }
        for c in 1..=options.customers {
            csv.push_str(&format!("W{wave}-c{c:05},customer,W{wave}"));
            let demanding = 0.6 * rng.normal();
            let general = 0.5 * rng.normal();
            let per_dimension: Vec<f64> = DIMENSIONS.iter().map(|_| 0.7 * rng.normal()).collect();
            for (_, d, expectation, gap) in &items {
                let e = point(expectation + demanding + 0.7 * rng.normal());
                let p = point(expectation + gap + improvement + general + per_dimension[*d] + 0.8 * rng.normal());
                cell(&mut csv, &mut rng, e);
                cell(&mut csv, &mut rng, p);
            }
            csv.push('\n');
        }
    }
    let written = std::fs::File::create(&options.out).and_then(|mut f| f.write_all(csv.as_bytes()));
    if let Err(e) = written {
        eprintln!("cannot write {}: {e}", options.out);
        std::process::exit(1);
    }
    eprintln!(
        "wrote {} ({} customers + {} managers per wave × {} waves, {} items, {:.1} MB)",
        options.out,
        options.customers,
        options.managers,
        options.waves,
        items.len(),
        csv.len() as f64 / 1e6
    );
}
