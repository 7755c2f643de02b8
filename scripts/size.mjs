#!/usr/bin/env node
// Size report for the built app: every file under dist/ (recursively).
//
//   node scripts/size.mjs [--dir dist] [--json] [--budget-brotli BYTES] [--budget-first-load BYTES]
//
// Prints a Markdown table (paste it into a README) with raw, gzip (level 9)
// and brotli (quality 11) sizes per file, a total row for everything in dist/,
// and a row for the first load: everything except the files fetched only on
// demand (ECharts, loaded when a chart is first shown; the app icons, read
// when the app is installed; and the language packs i18n-<lang>-<hash>.json,
// fetched only when that language is chosen; ON_DEMAND below). English needs
// no pack, and a user of another language fetches exactly one, so a further
// row gives the first load in the largest language: the first load plus the
// largest pack (LANGUAGE_PACK below). The service worker (sw.js) and
// the manifest are fetched by the first page load, so they count in it; after
// that load the worker fetches every other file in the background to keep it
// for offline use, which the total row measures. Sizes
// are in KB with one decimal, 1 KB = 1000 bytes. `--json` prints exact byte
// counts as JSON instead. `--budget-brotli BYTES` exits 1 with a message on
// stderr when the brotli total of everything is over BYTES;
// `--budget-first-load BYTES` does the same for the first load. Bad arguments
// or a missing dir exit 2.

import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files the app fetches only when they are first needed, not on the first load. */
export const ON_DEMAND = /^(?:echarts[.-][^/]*\.js|icon-\d+-[0-9a-f]{12}\.png|i18n-[a-z]{2}-[0-9a-f]{12}\.json)$/;

/** A language pack: on demand, and exactly one of them is fetched in a language other than English. */
export const LANGUAGE_PACK = /^i18n-[a-z]{2}-[0-9a-f]{12}\.json$/;

export function gzipSize(buf) {
  return gzipSync(buf, { level: 9 }).length;
}

export function brotliSize(buf) {
  return brotliCompressSync(buf, {
    // Quality 11; other parameters are zlib's defaults (window 2^22).
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

async function walk(root, dir = root) {
  const out = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(root, p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** { dir, files: [{ path, raw, gzip, brotli }], total: { files, raw, gzip, brotli } } in bytes. */
export async function measure(dir = 'dist') {
  const root = resolve(dir);
  const paths = (await walk(root)).map((p) => relative(root, p).split(sep).join('/')).sort();
  const files = [];
  for (const path of paths) {
    const buf = await readFile(join(root, path));
    files.push({ path, raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf), onDemand: ON_DEMAND.test(path) });
  }
  const sum = (list) => list.reduce(
    (t, f) => ({ files: t.files + 1, raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { files: 0, raw: 0, gzip: 0, brotli: 0 },
  );
  const firstLoad = sum(files.filter((f) => !f.onDemand));
  const packs = files.filter((f) => LANGUAGE_PACK.test(f.path));
  const report = { dir: root, files, total: sum(files), firstLoad };
  if (packs.length) {
    // The pack that costs most over the wire (brotli): the language whose first load is largest.
    const largest = packs.reduce((a, b) => (b.brotli > a.brotli ? b : a));
    report.largestLanguage = {
      pack: largest.path,
      files: firstLoad.files + 1,
      raw: firstLoad.raw + largest.raw,
      gzip: firstLoad.gzip + largest.gzip,
      brotli: firstLoad.brotli + largest.brotli,
    };
  }
  return report;
}

/** 12345 -> "12.3 KB" (1 KB = 1000 bytes). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** Markdown table, columns aligned so it also reads well as plain text. */
export function formatTable(report) {
  const header = ['File', 'Raw', 'gzip -9', 'brotli -q 11'];
  const rows = report.files.map((f) => [`\`${f.path}\`${f.onDemand ? ' (on demand)' : ''}`, kb(f.raw), kb(f.gzip), kb(f.brotli)]);
  const files = (n) => `${n} file${n === 1 ? '' : 's'}`;
  const t = report.total;
  rows.push([`**Total (${files(t.files)})**`, kb(t.raw), kb(t.gzip), kb(t.brotli)]);
  const first = report.firstLoad ?? t;
  if (first.files !== t.files) {
    rows.push([`**First load (${files(first.files)}, without on-demand files)**`, kb(first.raw), kb(first.gzip), kb(first.brotli)]);
  }
  const lang = report.largestLanguage;
  if (lang) {
    rows.push([`**First load in the largest language (${files(lang.files)}, with \`${lang.pack}\`)**`, kb(lang.raw), kb(lang.gzip), kb(lang.brotli)]);
  }
  const widths = header.map((h, c) => Math.max(h.length, 3, ...rows.map((r) => r[c].length)));
  const line = (cells) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [
    line(header),
    rule,
    ...rows.map(line),
    '',
    '1 KB = 1000 bytes. gzip at level 9, brotli at quality 11, each file compressed on its own.',
  ].join('\n');
}

function parseArgs(argv) {
  const opts = { dir: 'dist', json: false, budgetBrotli: null, budgetFirstLoad: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') opts.json = true;
    else if (flag === '--dir') opts.dir = value();
    else if (flag === '--budget-brotli' || flag === '--budget-first-load') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${flag} wants a whole number of bytes, got ${v}`);
      opts[flag === '--budget-brotli' ? 'budgetBrotli' : 'budgetFirstLoad'] = Number(v);
    } else if (flag === '-h' || flag === '--help') opts.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

const USAGE = 'usage: node scripts/size.mjs [--dir dist] [--json] [--budget-brotli BYTES] [--budget-first-load BYTES]';

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`size: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let report;
  try {
    report = await measure(opts.dir);
  } catch (err) {
    process.stderr.write(`size: cannot read ${resolve(opts.dir)}: ${err.code ?? err.message} (has the app been built?)\n`);
    return 2;
  }
  if (report.files.length === 0) {
    process.stderr.write(`size: ${report.dir} holds no files\n`);
    return 2;
  }
  const budgets = [
    { name: 'brotli', flag: 'brotli', limit: opts.budgetBrotli, size: report.total.brotli },
    { name: 'first-load brotli', flag: 'firstLoad', limit: opts.budgetFirstLoad, size: report.firstLoad.brotli },
  ].filter((b) => b.limit !== null);
  const over = budgets.filter((b) => b.size > b.limit);
  if (opts.json) {
    const out = { ...report, unit: 'bytes', gzipLevel: 9, brotliQuality: 11 };
    if (budgets.length) {
      out.budget = Object.fromEntries(budgets.map((b) => [b.flag, b.limit]));
      out.budget.over = over.length > 0;
    }
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatTable(report)}\n`);
  }
  for (const b of over) {
    process.stderr.write(
      `size: ${b.name} total ${b.size} bytes (${kb(b.size)}) is over the budget of ` +
        `${b.limit} bytes (${kb(b.limit)}) by ${b.size - b.limit} bytes\n`,
    );
  }
  if (over.length) return 1;
  if (!opts.json) {
    for (const b of budgets) process.stdout.write(`Within the ${b.name} budget: ${kb(b.size)} of ${kb(b.limit)}.\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
