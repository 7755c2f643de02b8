#!/usr/bin/env node
// Size report for the built app: every file under dist/ (recursively), since
// the first page load fetches all of it for now.
//
//   node scripts/size.mjs [--dir dist] [--json] [--budget-brotli BYTES]
//
// Prints a Markdown table (paste it into a README) with raw, gzip (level 9)
// and brotli (quality 11) sizes per file and a total row. Sizes are in KB with
// one decimal, 1 KB = 1000 bytes. `--json` prints exact byte counts as JSON
// instead. `--budget-brotli BYTES` exits 1 with a message on stderr when the
// brotli total is over BYTES. Bad arguments or a missing dir exit 2.

import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
    files.push({ path, raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) });
  }
  const total = files.reduce(
    (t, f) => ({ files: t.files + 1, raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { files: 0, raw: 0, gzip: 0, brotli: 0 },
  );
  return { dir: root, files, total };
}

/** 12345 -> "12.3 KB" (1 KB = 1000 bytes). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** Markdown table, columns aligned so it also reads well as plain text. */
export function formatTable(report) {
  const header = ['File', 'Raw', 'gzip -9', 'brotli -q 11'];
  const rows = report.files.map((f) => [`\`${f.path}\``, kb(f.raw), kb(f.gzip), kb(f.brotli)]);
  const t = report.total;
  rows.push([`**Total (${t.files} file${t.files === 1 ? '' : 's'})**`, kb(t.raw), kb(t.gzip), kb(t.brotli)]);
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
  const opts = { dir: 'dist', json: false, budgetBrotli: null };
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
    else if (flag === '--budget-brotli') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`--budget-brotli wants a whole number of bytes, got ${v}`);
      opts.budgetBrotli = Number(v);
    } else if (flag === '-h' || flag === '--help') opts.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

const USAGE = 'usage: node scripts/size.mjs [--dir dist] [--json] [--budget-brotli BYTES]';

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
  const budget = opts.budgetBrotli;
  const over = budget !== null && report.total.brotli > budget;
  if (opts.json) {
    const out = { ...report, unit: 'bytes', gzipLevel: 9, brotliQuality: 11 };
    if (budget !== null) out.budget = { brotli: budget, over };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatTable(report)}\n`);
  }
  if (over) {
    process.stderr.write(
      `size: brotli total ${report.total.brotli} bytes (${kb(report.total.brotli)}) is over the budget of ` +
        `${budget} bytes (${kb(budget)}) by ${report.total.brotli - budget} bytes\n`,
    );
    return 1;
  }
  if (budget !== null && !opts.json) {
    process.stdout.write(`Within the brotli budget: ${kb(report.total.brotli)} of ${kb(budget)}.\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
