// The browser and the native command are one engine: the Results JSON the Analysis page
// downloads must equal what `gaplens analyze` prints for the same file and the same filters.
// Structure, strings, booleans, nulls and counts must be identical; floating-point numbers
// agree to 1e-12 relative (wasm's and glibc's exp/ln differ in the last bit or two).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openApp, assertClean, byTestId, REPO_ROOT } from './harness.mjs';
import { ProjectsPage, DataPage, AnalysisPage, fixture } from './app.pages.mjs';

function nativeResults(file, args = []) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'gaplens', '--', 'analyze', file, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** Asserts `actual` equals `expected`, numbers to 1e-12 relative; names the path on failure. */
function assertSame(actual, expected, path = '$') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const ok = actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(expected), 1e-300);
    assert.ok(ok, `${path}: ${actual} vs ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    assert.equal(actual, expected, path);
    return;
  }
  assert.equal(Array.isArray(actual), Array.isArray(expected), `${path}: array?`);
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path}: keys`);
  for (const key of Object.keys(expected)) assertSame(actual[key], expected[key], `${path}.${key}`);
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'download-results').click()]);
  return JSON.parse(await readFile(await file.path(), 'utf8'));
}

test('the downloaded results equal the native command, all waves and one wave', async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  // Named like the file: the native command names the project after the file's stem.
  await new ProjectsPage(page).create('servqual_two_waves');
  // Rows without a wave stay without one, as in the native command.
  await new DataPage(page).import(fixture('good.csv'), { defaultWave: '' });
  await byTestId(page, 'import-result').waitFor();
  await new AnalysisPage(page).goto();

  const csv = join(REPO_ROOT, 'e2e', 'fixtures', 'import', 'good.csv');
  const browserAll = await download(page);
  assertSame(browserAll, { ...nativeResults(csv), project: 'servqual_two_waves' });

  await byTestId(page, 'wave-filter').selectOption('2026 Q1');
  await byTestId(page, 'analysis-table').waitFor();
  const browserWave = await download(page);
  assert.equal(browserWave.wave, '2026 Q1');
  assertSame(browserWave, { ...nativeResults(csv, ['--wave', '2026 Q1']), project: 'servqual_two_waves' });
  await assertClean(recorder, page);
});
