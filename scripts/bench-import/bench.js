// Import benchmark page script. scripts/bench-import.mjs writes it into the bench site with
// __GLUE__ and __WASM__ replaced by the build's wasm-bindgen JavaScript and wasm file names
// (the ones dist/index.html's Trunk loader uses), and drives it through window.benchImport.
//
// Initialising the build also runs the app's main(), so the app mounts into this page too;
// it stays idle (nothing is stored) while the timings run.
import init, * as bindings from '__GLUE__';

// PapaParse's closest counterpart of what parse_responses does: a header row, rows as
// records, numbers converted, blank lines skipped. The delimiter is detected, as Gaplens does.
const PAPA_OPTIONS = Object.freeze({ header: true, skipEmptyLines: true, dynamicTyping: true });

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches `csvUrl` (same origin) and times, `runs` times each and interleaved:
 *   wasm      gaplens_bench_parse(bytes, 1): parse_responses inside the wasm, as the Data page calls it
 *   wasmCall  the same call timed from JavaScript (adds copying the bytes into wasm memory)
 *   papa      Papa.parse(text, PAPA_OPTIONS) on the already decoded text
 * plus one TextDecoder pass (bytes to text, which PapaParse needs first and the wasm does not).
 */
async function run(csvUrl, runs) {
  const response = await fetch(csvUrl);
  if (!response.ok) throw new Error(`${csvUrl}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const t0 = performance.now();
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const decodeMs = performance.now() - t0;
  const out = { bytes: bytes.length, chars: text.length, decodeMs, wasm: [], wasmCall: [], papa: [], wasmReport: null, papaInfo: null };
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    const json = bindings.gaplens_bench_parse(bytes, 1);
    const b = performance.now();
    const report = JSON.parse(json);
    if (report.error) throw new Error(`gaplens_bench_parse: ${report.error}`);
    out.wasm.push(report.samples_ms[0]);
    out.wasmCall.push(b - a);
    out.wasmReport = report;
    await pause(30);

    const c = performance.now();
    const result = window.Papa.parse(text, PAPA_OPTIONS);
    const d = performance.now();
    out.papa.push(d - c);
    out.papaInfo = {
      rows: result.data.length,
      fields: result.meta.fields?.length ?? 0,
      delimiter: result.meta.delimiter,
      errors: result.errors.length,
      firstError: result.errors[0] ? `${result.errors[0].code} at row ${result.errors[0].row}: ${result.errors[0].message}` : null,
    };
    await pause(30);
  }
  return out;
}

async function start() {
  await init({ module_or_path: '__WASM__' });
  if (typeof bindings.gaplens_bench_parse !== 'function') throw new Error('this build does not export gaplens_bench_parse');
  if (typeof window.Papa?.parse !== 'function') throw new Error('papaparse.min.js did not load');
  window.benchImport = { run, papaVersion: window.Papa.VERSION ?? null };
  document.documentElement.dataset.bench = 'ready';
}

start().catch((error) => {
  document.documentElement.dataset.bench = 'failed';
  document.documentElement.dataset.benchError = String(error?.message ?? error);
});
