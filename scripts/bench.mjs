#!/usr/bin/env node
// Benchmark: the full results for 10,000 respondents x 22 items x 2 waves, plus management
// rows, computed three ways in one run, with each time and the ratios printed.
//
//   node scripts/bench.mjs [--runs 5] [--customers 10000] [--managers 10] [--waves 2]
//                          [--csv FILE] [--dist DIR] [--build] [--json]
//
// Run it from the repository root after ./scripts/setup.sh. It prints figures only; nothing
// here asserts a time (the target, browser <= 100 ms and faster than the SciPy script, is
// reported as met or missed, and the exit code does not depend on it).
//
// 1. Data: `cargo run --release --example make_bench_data` writes a deterministic SERVQUAL
//    CSV to the temp dir: --customers customers and --managers managers in each of --waves
//    waves (default 2 x (10,000 + 10) rows: "10,000 respondents x 2 waves" read as 10,000
//    customers per wave), E and P for TAN1..EMP5, 5 % of cells blank. --csv FILE uses FILE.
// 2. Native: `cargo run --release --example bench -- FILE --json` parses the CSV once (apart),
//    then times Results::compute for all waves pooled and for each wave (median of --runs
//    runs after a warm-up), with the project's release profile (opt-level "z", LTO).
// 3. Browser: serves DIR with scripts/serve-dist.mjs, opens it in Debian's Chromium through
//    e2e/harness.mjs (set CHROMIUM to use another), hands the CSV text to the page and calls
//    window.wasmBindings.gaplens_bench(csv, runs): the same Rust loop (src/bench.rs), timed
//    with performance.now() inside the release wasm build. The export exists only with the
//    `bench` cargo feature (the app people download does not carry it), so DIR is the app
//    built with `trunk build --release --features bench --dist DIR`: done here when DIR has
//    no such build, or always with --build. DIR defaults to gaplens-bench-dist in the temp
//    dir, so the repository's dist/ is left alone. CARGO_TARGET_DIR is honoured.
// 4. SciPy: `python3 scripts/reference/bench.py FILE --json`, the same figures with pandas,
//    SciPy and pingouin (reading the CSV not timed). Without those packages the column is
//    skipped with a note (pip install -r scripts/reference/requirements.txt).
// 5. The figures of the three runs are compared (DESIGN.md's tolerances: 1e-9, relative
//    above 1; p-values 1e-7) and the table is printed: per view native / wasm / SciPy ms,
//    SciPy/wasm (above 1 = the browser is faster) and wasm/native. --json prints everything
//    as JSON instead. Exit code: 0, or 1 when a column failed (a skipped SciPy column is not
//    a failure) or the figures disagree.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { REPO_ROOT, listOffences, openApp } from '../e2e/harness.mjs';

const USAGE =
  'usage: node scripts/bench.mjs [--runs 5] [--customers 10000] [--managers 10] [--waves 2] [--csv FILE] [--dist DIR] [--build] [--json]';

function parseArgs(argv) {
  const opts = { runs: 5, customers: 10000, managers: 10, waves: 2, csv: null, dist: join(tmpdir(), 'gaplens-bench-dist'), build: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const whole = (name, min) => {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`${name} wants a whole number >= ${min}, got ${v}`);
      return Number(v);
    };
    if (flag === '--runs') opts.runs = whole('--runs', 1);
    else if (flag === '--customers') opts.customers = whole('--customers', 1);
    else if (flag === '--managers') opts.managers = whole('--managers', 0);
    else if (flag === '--waves') opts.waves = whole('--waves', 1);
    else if (flag === '--csv') opts.csv = value();
    else if (flag === '--dist') opts.dist = value();
    else if (flag === '--build') opts.build = true;
    else if (flag === '--json') opts.json = true;
    else if (flag === '-h' || flag === '--help') opts.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

/** Progress goes to stderr, so --json output stays clean. */
function say(text) {
  process.stderr.write(`\x1b[1m[bench]\x1b[0m ${text}\n`);
}

/** Runs a command from the repo root; its stderr passes through. Returns stdout, or throws. */
function run(command, args, { env } = {}) {
  const r = spawnSync(command, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
    env: env ?? process.env,
  });
  if (r.error) throw new Error(`${command}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r.stdout;
}

/** The last line of `stdout` that parses as a JSON object. */
function lastJson(stdout) {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (line.startsWith('{')) return JSON.parse(line);
  }
  throw new Error(`no JSON in output:\n${stdout.slice(-2000)}`);
}

function generate(opts) {
  if (opts.csv) {
    const file = isAbsolute(opts.csv) ? opts.csv : resolve(process.cwd(), opts.csv);
    if (!existsSync(file)) throw new Error(`--csv ${file} does not exist`);
    return file;
  }
  const file = join(tmpdir(), `gaplens-bench-${opts.customers}c-${opts.managers}m-${opts.waves}w.csv`);
  say(`writing ${file}`);
  run('cargo', [
    'run', '--release', '--quiet', '--example', 'make_bench_data', '--',
    file, '--customers', String(opts.customers), '--managers', String(opts.managers), '--waves', String(opts.waves),
  ]);
  return file;
}

function native(file, runs) {
  say('native: cargo run --release --example bench');
  return lastJson(run('cargo', ['run', '--release', '--quiet', '--example', 'bench', '--', file, '--runs', String(runs), '--json']));
}

/** Whether the built app in `dir` exports gaplens_bench (its wasm-bindgen glue names it). */
function distHasBench(dir) {
  if (!existsSync(join(dir, 'index.html'))) return false;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(dir, f), 'utf8').includes('gaplens_bench'));
}

function ensureDist(opts) {
  const dir = isAbsolute(opts.dist) ? opts.dist : resolve(REPO_ROOT, opts.dist);
  if (!opts.build && distHasBench(dir)) {
    say(`browser: reusing ${dir}`);
    return dir;
  }
  say(`browser: trunk build --release --features bench --dist ${dir}`);
  // wasm-opt comes from node_modules (binaryen 132), as in scripts/test.sh.
  const env = { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}:${process.env.PATH}` };
  run('trunk', ['build', '--release', '--features', 'bench', '--dist', dir], { env });
  if (!distHasBench(dir)) throw new Error(`${dir}: the build does not export gaplens_bench`);
  return dir;
}

async function browser(file, runs, opts) {
  const dir = ensureDist(opts);
  const csv = readFileSync(file, 'utf8');
  const app = await openApp({ dir, path: '/' });
  try {
    const { page, recorder } = app;
    await page.waitForFunction(() => typeof window.wasmBindings?.gaplens_bench === 'function', null, { timeout: 60000 });
    say(`browser: Chromium ${app.browser.version()}, calling gaplens_bench (${(csv.length / 1e6).toFixed(1)} MB, ${runs} runs per view)`);
    const text = await page.evaluate(([csv, runs]) => window.wasmBindings.gaplens_bench(csv, runs), [csv, runs]);
    const report = JSON.parse(text);
    if (report.error) throw new Error(`gaplens_bench: ${report.error}`);
    report.chromium = app.browser.version();
    const offences = await listOffences(recorder, page);
    if (offences.length) say(`browser: the page was not clean:\n  ${offences.join('\n  ')}`);
    return report;
  } finally {
    await app.close();
  }
}

function scipy(file, runs) {
  const probe = spawnSync('python3', ['-c', 'import numpy, pandas, scipy, pingouin'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : (probe.stderr.trim().split('\n').pop() ?? 'import failed');
    return {
      skipped: `python3 with numpy, pandas, scipy and pingouin is needed (${why}); ` +
        'install them with: pip install -r scripts/reference/requirements.txt',
    };
  }
  say('SciPy: python3 scripts/reference/bench.py');
  return lastJson(run('python3', ['scripts/reference/bench.py', file, '--runs', String(runs), '--json']));
}

/** Compares two digests with DESIGN.md's tolerances; returns { compared, mismatches, maxDiff }. */
function compareDigests(a, b) {
  const mismatches = [];
  let compared = 0;
  let maxDiff = 0;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(key in a) || !(key in b)) {
      mismatches.push(`${key}: ${a[key] ?? 'missing'} vs ${b[key] ?? 'missing'}`);
      continue;
    }
    compared++;
    const [x, y] = [a[key], b[key]];
    const isP = key.endsWith('.p') || key.endsWith('.p_holm');
    const diff = isP ? Math.abs(x - y) : Math.abs(x - y) / Math.max(1, Math.abs(y));
    maxDiff = Math.max(maxDiff, diff);
    if (diff > (isP ? 1e-7 : 1e-9)) mismatches.push(`${key}: ${x} vs ${y}`);
  }
  return { compared, mismatches, maxDiff };
}

function agreement(name, left, right) {
  if (!left?.views || !right?.views) return null;
  const views = left.views.map((v, i) => ({ view: v.view, ...compareDigests(v.digest, right.views[i]?.digest ?? {}) }));
  const mismatches = views.flatMap((v) => v.mismatches.map((m) => `${v.view} ${m}`));
  return {
    pair: name,
    compared: views.reduce((n, v) => n + v.compared, 0),
    maxDiff: Math.max(...views.map((v) => v.maxDiff)),
    mismatches,
  };
}

const fmt = (ms) => (typeof ms === 'number' && Number.isFinite(ms) ? ms.toFixed(1) : '—');
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}x` : '—');

function rows(result) {
  const views = result.native?.views ?? result.wasm?.views ?? [];
  const pick = (side, i) => side?.views?.[i]?.median_ms;
  const out = views.map((v, i) => ({
    view: v.view,
    native: pick(result.native, i),
    wasm: pick(result.wasm, i),
    scipy: pick(result.scipy, i),
  }));
  const sum = (key) => (out.every((r) => typeof r[key] === 'number') ? out.reduce((s, r) => s + r[key], 0) : undefined);
  out.push({ view: 'total', native: sum('native'), wasm: sum('wasm'), scipy: sum('scipy') });
  return out;
}

function table(result) {
  const header = ['view', 'native ms', 'wasm in Chromium ms', 'SciPy ms', 'SciPy/wasm', 'wasm/native'];
  const body = rows(result).map((r) => [r.view, fmt(r.native), fmt(r.wasm), fmt(r.scipy), ratio(r.scipy, r.wasm), ratio(r.wasm, r.native)]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

function summary(result, opts) {
  const out = [];
  const n = result.native ?? result.wasm;
  if (n) {
    out.push(
      `Gaplens benchmark: ${n.customers} customers + ${n.management} managers, ${n.items} items, ${opts.waves} waves; ` +
        `Results::compute per view, median of ${opts.runs} runs after a warm-up.`,
    );
  }
  out.push('', table(result), '');
  const parse = [
    result.native && `native ${fmt(result.native.parse_ms)} ms`,
    result.wasm && `wasm ${fmt(result.wasm.parse_ms)} ms`,
    result.scipy?.read_ms !== undefined && `pandas.read_csv ${fmt(result.scipy.read_ms)} ms`,
  ].filter(Boolean);
  out.push(`Reading the CSV (not in the table): ${parse.join(', ')}.`);
  const all = rows(result)[0];
  if (all?.wasm !== undefined) {
    const met = all.wasm <= 100;
    const faster = all.scipy === undefined ? 'no SciPy figure' : all.wasm < all.scipy ? 'yes' : 'no';
    out.push(
      `Target (all-waves view in the browser <= 100 ms and faster than SciPy): ${fmt(all.wasm)} ms, ` +
        `${met ? 'met' : 'MISSED'}; faster than SciPy: ${faster}.`,
    );
  }
  for (const a of result.agreement) {
    out.push(
      a.mismatches.length === 0
        ? `Figures agree, ${a.pair}: ${a.compared} compared, largest difference ${a.maxDiff.toExponential(1)}.`
        : `Figures DISAGREE, ${a.pair}: ${a.mismatches.length} of ${a.compared}, e.g. ${a.mismatches.slice(0, 3).join('; ')}`,
    );
  }
  for (const [name, why] of Object.entries(result.errors)) out.push(`${name} column FAILED: ${why}`);
  for (const [name, why] of Object.entries(result.skipped)) out.push(`${name} column skipped: ${why}`);
  out.push(
    `Machine: ${cpus().length} CPU (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}` +
      `${result.wasm?.chromium ? `; Chromium ${result.wasm.chromium}` : ''}` +
      `${result.scipy?.versions ? `; SciPy ${result.scipy.versions.scipy}, pandas ${result.scipy.versions.pandas}, pingouin ${result.scipy.versions.pingouin}` : ''}.`,
  );
  return out.join('\n');
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const result = { file: null, native: null, wasm: null, scipy: null, agreement: [], errors: {}, skipped: {} };
  result.file = generate(opts);
  try {
    result.native = native(result.file, opts.runs);
  } catch (err) {
    result.errors.native = err.message;
  }
  try {
    result.wasm = await browser(result.file, opts.runs, opts);
  } catch (err) {
    result.errors.wasm = err.message;
  }
  try {
    const s = scipy(result.file, opts.runs);
    if (s.skipped) result.skipped.SciPy = s.skipped;
    else result.scipy = s;
  } catch (err) {
    result.errors.SciPy = err.message;
  }
  result.agreement = [
    agreement('native vs wasm', result.native, result.wasm),
    agreement('native vs SciPy', result.native, result.scipy),
  ].filter(Boolean);

  if (opts.json) {
    const strip = (r) => r && { ...r, views: r.views.map(({ digest, ...v }) => v) };
    process.stdout.write(
      `${JSON.stringify({ ...result, native: strip(result.native), wasm: strip(result.wasm), scipy: strip(result.scipy), rows: rows(result) }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${summary(result, opts)}\n`);
  }
  const disagree = result.agreement.some((a) => a.mismatches.length > 0);
  if (Object.keys(result.errors).length > 0 || disagree) process.exitCode = 1;
}

await main();
