// Tests for scripts/size.mjs. Run: node --test e2e/size.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { formatTable, kb, measure } from '../scripts/size.mjs';

const SCRIPT = fileURLToPath(new URL('../scripts/size.mjs', import.meta.url));

function makeDist(t) {
  const dir = mkdtempSync(join(tmpdir(), 'size-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>'.repeat(200));
  writeFileSync(join(dir, 'app_bg.wasm'), Buffer.alloc(5000, 7));
  writeFileSync(join(dir, 'icons', 'a.svg'), '<svg/>');
  return dir;
}

function run(args) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('kb uses 1000-byte KB with one decimal', () => {
  assert.equal(kb(0), '0.0 KB');
  assert.equal(kb(1000), '1.0 KB');
  assert.equal(kb(12345), '12.3 KB');
});

test('measure walks recursively and reports exact gzip -9 / brotli -q 11 sizes', async (t) => {
  const dir = makeDist(t);
  const r = await measure(dir);
  assert.deepEqual(r.files.map((f) => f.path), ['app_bg.wasm', 'icons/a.svg', 'index.html']);
  const html = Buffer.from('<!doctype html>'.repeat(200));
  const f = r.files.find((x) => x.path === 'index.html');
  assert.equal(f.raw, html.length);
  assert.equal(f.gzip, gzipSync(html, { level: 9 }).length);
  assert.equal(f.brotli, brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  assert.ok(gunzipSync(gzipSync(html, { level: 9 })).equals(html));
  assert.ok(brotliDecompressSync(brotliCompressSync(html)).equals(html));
  assert.equal(r.total.files, 3);
  assert.equal(r.total.raw, 5000 + 6 + html.length);
  assert.equal(r.total.brotli, r.files.reduce((s, x) => s + x.brotli, 0));
});

test('the table is Markdown with a total row and a unit note', async (t) => {
  const table = formatTable(await measure(makeDist(t)));
  const lines = table.split('\n');
  assert.match(lines[0], /^\| File\s+\|\s+Raw \|\s+gzip -9 \| brotli -q 11 \|$/);
  assert.match(lines[1], /^\| -+ \| -+: \| -+: \| -+: \|$/);
  assert.match(table, /\| `icons\/a\.svg`\s+\|\s+0\.0 KB \|/);
  assert.match(table, /\| \*\*Total \(3 files\)\*\*\s+\|\s+8\.0 KB \|/);
  assert.match(table, /1 KB = 1000 bytes/);
  const widths = lines.slice(0, 6).map((l) => l.length);
  assert.ok(widths.every((w) => w === widths[0]), 'columns line up');
});

test('CLI: table, --json, and --budget-brotli', (t) => {
  const dir = makeDist(t);
  let r = run(['--dir', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Total \(3 files\)/);

  r = run(['--dir', dir, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.total.files, 3);
  assert.equal(json.unit, 'bytes');
  const brotli = json.total.brotli;

  r = run(['--dir', dir, '--budget-brotli', String(brotli)]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Within the brotli budget/);

  r = run(['--dir', dir, '--budget-brotli', String(brotli - 1), '--json']);
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout).budget.over, true);
  assert.match(r.stderr, new RegExp(`brotli total ${brotli} bytes .* is over the budget of ${brotli - 1} bytes .* by 1 bytes`));

  r = run(['--dir', join(dir, 'missing')]);
  assert.equal(r.code, 2);
  r = run(['--budget-brotli', 'lots']);
  assert.equal(r.code, 2);
});

test('files fetched on demand are listed, and the first load is totalled without them', async (t) => {
  const dir = makeDist(t);
  writeFileSync(join(dir, 'echarts-6.1.0-abc.js'), 'x'.repeat(4000));
  const report = await measure(dir);
  const lazy = report.files.find((f) => f.path === 'echarts-6.1.0-abc.js');
  assert.equal(lazy.onDemand, true);
  assert.equal(report.firstLoad.files, report.total.files - 1);
  assert.equal(report.firstLoad.raw, report.total.raw - 4000);
  assert.match(formatTable(report), /`echarts-6\.1\.0-abc\.js` \(on demand\)/);
  assert.match(formatTable(report), /\*\*First load \(3 files, without on-demand files\)\*\*/);
  const run = spawnSync(process.execPath, [SCRIPT, '--dir', dir, '--budget-first-load', '1'], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /first-load brotli total \d+ bytes .* is over the budget of 1 bytes/);
});

test('language packs are on demand, and the largest one is added to the first load in its own row', async (t) => {
  const dir = makeDist(t);
  writeFileSync(join(dir, 'i18n-sv-0123456789ab.json'), JSON.stringify({ Save: 'Spara', Open: 'Öppna' }));
  writeFileSync(join(dir, 'i18n-fi-abcdef012345.json'), JSON.stringify({ Save: 'Tallenna', Open: 'Avaa', 'The whole picture': 'Koko kuva' }));
  const report = await measure(dir);
  const packs = report.files.filter((f) => f.path.startsWith('i18n-'));
  assert.equal(packs.length, 2);
  assert.ok(packs.every((f) => f.onDemand), 'both packs are on demand');
  assert.equal(report.firstLoad.files, report.total.files - 2);
  const fi = packs.find((f) => f.path.startsWith('i18n-fi-'));
  assert.ok(fi.brotli > packs.find((f) => f.path.startsWith('i18n-sv-')).brotli, 'the Finnish pack is the larger');
  assert.deepEqual(report.largestLanguage, {
    pack: fi.path,
    files: report.firstLoad.files + 1,
    raw: report.firstLoad.raw + fi.raw,
    gzip: report.firstLoad.gzip + fi.gzip,
    brotli: report.firstLoad.brotli + fi.brotli,
  });
  const table = formatTable(report);
  assert.match(table, /`i18n-sv-0123456789ab\.json` \(on demand\)/);
  assert.match(table, /\*\*First load in the largest language \(4 files, with `i18n-fi-abcdef012345\.json`\)\*\*/);
  const widths = table.split('\n').filter((l) => l.startsWith('|')).map((l) => l.length);
  assert.ok(widths.every((w) => w === widths[0]), 'columns line up');
  // The budget is the English first load: the packs stay out of it.
  const run = spawnSync(process.execPath, [SCRIPT, '--dir', dir, '--budget-first-load', String(report.firstLoad.brotli)], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('without language packs there is no largest-language row', async (t) => {
  const report = await measure(makeDist(t));
  assert.equal(report.largestLanguage, undefined);
  assert.doesNotMatch(formatTable(report), /largest language/);
});
