// What a user does: first visit, create, import, read, reload, bad file, rename, delete.
// Every test runs in a fresh browser profile and ends with assertClean: no request to
// another origin, no CSP violation, no console error, no panic, no cookie.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, assertClean, byTestId, screenshot, REPO_ROOT } from './harness.mjs';
import { ProjectsPage, DataPage, AnalysisPage, fixture, shown } from './app.pages.mjs';

const reference = JSON.parse(
  await readFile(join(REPO_ROOT, 'tests/fixtures/reference/servqual_two_waves.json'), 'utf8'));
const allWaves = reference.views.find((v) => v.wave === null);

async function start(t) {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  return app;
}

test('a first visit shows the Projects page with the demo project ready', async (t) => {
  const { page, recorder } = await start(t);
  const projects = new ProjectsPage(page);
  assert.equal(await projects.rows().count(), 1);
  await projects.open('Hotel Fjordgården (demo)');
  await page.waitForURL(/#\/p\/demo-hotel\/dashboard$/);
  const analysis = new AnalysisPage(page);
  await analysis.goto();
  const rel4 = await analysis.figures(analysis.item('REL4'));
  assert.match(rel4.status, /finding: shortfall/);
  await screenshot(page, 'demo-analysis');
  await assertClean(recorder, page);
});

test('a new user creates a project, imports a CSV, sees the figures, reloads and sees the same', async (t) => {
  const { page, recorder } = await start(t);
  const projects = new ProjectsPage(page);
  await projects.create('Bistro Fjällbo');
  const data = new DataPage(page);
  await data.import(fixture('good.csv'), { defaultWave: '2026 Q1' });
  await assert.doesNotReject(data.result().waitFor());
  assert.match(await data.result().innerText(), /imported 86 responses \(83 customers, 3 management\)/);
  assert.equal(await data.totalCustomers().innerText(), '83');

  const analysis = new AnalysisPage(page);
  await analysis.goto();
  const before = await analysis.allItems();
  // Every figure on screen agrees with SciPy/pingouin (reference fixture, all waves).
  for (const item of allWaves.items) {
    const shownFigures = before[item.code];
    const gap = item.perception_gap;
    assert.ok(shownFigures, `row for ${item.code}`);
    assert.equal(shownFigures.n, String(gap.n), `${item.code} n`);
    if (gap.n < 10) {
      assert.equal(shownFigures.gap, 'too few answers', `${item.code}`);
      continue;
    }
    assert.equal(shownFigures.gap, shown(gap.mean), `${item.code} gap`);
    assert.equal(shownFigures.sd, shown(gap.sd), `${item.code} sd`);
    assert.equal(shownFigures.se, shown(gap.se), `${item.code} se`);
    assert.equal(shownFigures.ci, `${shown(gap.ci_low)} to ${shown(gap.ci_high)}`, `${item.code} ci`);
    assert.equal(/finding/.test(shownFigures.status), gap.finding, `${item.code} finding`);
  }
  await screenshot(page, 'imported-analysis');

  await page.reload();
  await byTestId(page, 'analysis-table').waitFor();
  assert.deepEqual(await analysis.allItems(), before, 'the same figures after a reload');
  await assertClean(recorder, page);
});

test('the downloaded results JSON matches the SciPy/pingouin reference', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).create('Reference check');
  await new DataPage(page).import(fixture('good.csv'));
  await byTestId(page, 'import-result').waitFor();
  await new AnalysisPage(page).goto();
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'download-results').click()]);
  const results = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(results.format, 'gaplens-results');
  assert.equal(results.version, 1);
  assert.equal(results.wave, null);
  assert.equal(results.items.length, allWaves.items.length);
  const close = (a, e, what) => {
    if (e === null) return assert.equal(a, null, what);
    assert.ok(Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)), `${what}: ${a} vs ${e}`);
  };
  for (const [i, expected] of allWaves.items.entries()) {
    const actual = results.items[i];
    assert.equal(actual.code, expected.code);
    for (const field of ['n', 'mean', 'sd', 'se', 'ci_low', 'ci_high', 't', 'df', 'dz']) {
      close(actual.perception_gap[field], expected.perception_gap[field], `${expected.code}.${field}`);
    }
    for (const field of ['p', 'p_holm']) {
      const [a, e] = [actual.perception_gap[field], expected.perception_gap[field]];
      assert.ok(e === null ? a === null : Math.abs(a - e) <= 1e-7, `${expected.code}.${field}: ${a} vs ${e}`);
    }
  }
  for (const [i, expected] of allWaves.dimensions.entries()) {
    close(results.dimensions[i].perception_gap.mean, expected.perception_gap.mean, `${expected.code} gap`);
    close(results.dimensions[i].alpha?.value ?? null, expected.alpha?.value ?? null, `${expected.code} alpha`);
  }
  close(results.overall.perception_gap.mean, allWaves.overall.perception_gap.mean, 'overall');
  await assertClean(recorder, page);
});

test('a Nordic semicolon file with BOM, CRLF, decimal comma and quoted line breaks imports', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).create('Nordisk fil');
  const data = new DataPage(page);
  await data.import(fixture('nordic-semicolon.csv'));
  await data.result().waitFor();
  assert.match(await data.result().innerText(), /imported 3 responses \(2 customers, 1 management\) into Vår 2026/);
  const analysis = new AnalysisPage(page);
  await analysis.goto();
  const rel1 = await analysis.figures(analysis.item('REL1'));
  assert.equal(rel1.n, '2');
  assert.equal(rel1.gap, 'too few answers');
  await assertClean(recorder, page);
});

test('a bad CSV lists every offence with row, column and value and changes nothing', async (t) => {
  const { page, recorder } = await start(t);
  const projects = new ProjectsPage(page);
  await projects.create('Guarded');
  const data = new DataPage(page);
  await data.import(fixture('good.csv'));
  await data.result().waitFor();
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('gaplens/project/p-')));
  const storedBefore = await page.evaluate((k) => localStorage.getItem(k), key);
  const indexBefore = await page.evaluate(() => localStorage.getItem('gaplens/index'));

  await data.import(fixture('bad.csv'));
  await byTestId(page, 'import-errors').waitFor();
  const errors = await data.errors().allInnerTexts();
  assert.deepEqual(errors, [
    'row 1, column "P:REL1": "9" is outside 1–7',
    'row 2, column "E:REL1": "abc" is not a number',
    'row 3, column "id": "b1" was already used in row 1',
    'row 4, column "source": "boss" is neither "customer" nor "management"',
  ]);
  assert.match(await byTestId(page, 'import-errors').innerText(), /bad\.csv was not imported: 4 problems found\. Nothing was changed\./);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), storedBefore, 'project unchanged');
  assert.equal(await page.evaluate(() => localStorage.getItem('gaplens/index')), indexBefore, 'index unchanged');
  assert.equal(await data.totalCustomers().innerText(), '83');
  await screenshot(page, 'import-errors');

  // Importing the same good file again is refused too: its ids are already stored.
  await data.import(fixture('good.csv'));
  await byTestId(page, 'import-errors').filter({ hasText: 'good.csv' }).waitFor();
  assert.match(await data.errors().first().innerText(), /row 1, column "id": ".*" is already stored in this project/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), storedBefore);
  await assertClean(recorder, page);
});

test('rename validates the name and keeps it across a reload', async (t) => {
  const { page, recorder } = await start(t);
  const projects = new ProjectsPage(page);
  const row = projects.byId('demo-hotel');
  await row.getByTestId('rename-project').click();
  await row.getByTestId('rename-input').fill('Hotel Fjordgården 2026');
  await row.getByTestId('rename-save').click();
  await projects.row('Hotel Fjordgården 2026').waitFor();
  await page.reload();
  await projects.row('Hotel Fjordgården 2026').waitFor();
  assert.equal(await projects.rows().count(), 1);
  await assertClean(recorder, page);
});

test('user text is shown as text, never as HTML', async (t) => {
  const { page, recorder } = await start(t);
  const projects = new ProjectsPage(page);
  await projects.create('<img src=x onerror=alert(1)> & <b>bold</b>');
  await projects.goto();
  const title = projects.rows().getByTestId('open-project').filter({ hasText: '<img' });
  assert.equal(await title.innerText(), '<img src=x onerror=alert(1)> & <b>bold</b>');
  assert.equal(await page.locator('main img, main b').count(), 0);
  await assertClean(recorder, page);
});

test('deleting a project asks for confirmation first', async (t) => {
  const { page, recorder } = await start(t);
  const projects = new ProjectsPage(page);
  const row = projects.row('Hotel Fjordgården (demo)');
  await row.getByTestId('delete-project').click();
  const confirm = row.getByTestId('confirm');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /Delete “Hotel Fjordgården \(demo\)” and its 189 responses/);
  // Focus lands on Cancel, so Enter does not delete by accident.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'confirm-no');
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await projects.rows().count(), 1);

  await row.getByTestId('delete-project').click();
  await row.getByTestId('confirm-yes').click();
  await byTestId(page, 'no-projects').waitFor();
  await page.reload();
  await byTestId(page, 'no-projects').waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gaplens/project/')).length), 0);
  // The demo can be brought back.
  await byTestId(page, 'restore-demo').click();
  await projects.row('Hotel Fjordgården (demo)').waitFor();
  await assertClean(recorder, page);
});
