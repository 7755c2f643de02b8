// The Dashboard of the demo project: the gap-model diagram shows the figures of the Results
// JSON (downloaded from the Analysis page with the same wave), each gap leads to its detail,
// an empty project says what to do, and the page fits a phone and a desktop, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage } from './app.pages.mjs';
import { DashboardPage, GAPS, MODEL_GAPS, expectedFigures, parseShown } from './dashboard.pages.mjs';

const DEMO = 'demo-hotel';

async function downloadResults(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'download-results').click()]);
  return JSON.parse(await readFile(await file.path(), 'utf8'));
}

/** Asserts each shown value is the expected figure rounded as displayed. */
function assertShownMatch(shown, results, label) {
  const expected = expectedFigures(results);
  for (const gap of GAPS) {
    const { value, decimals } = expected[gap];
    const actual = parseShown(shown[gap]);
    if (value === null) {
      assert.equal(actual, null, `${label} ${gap}: shown ${shown[gap]}, expected not measured`);
    } else {
      assert.ok(actual !== null && Math.abs(actual - value) <= 0.5 * 10 ** -decimals + 1e-9,
        `${label} ${gap}: shown ${shown[gap]}, results say ${value}`);
    }
  }
}

test('the demo dashboard shows the gap values of the Results JSON, for the latest wave and all waves', async (t) => {
  const app = await openApp({ path: `/#/p/${DEMO}/dashboard` });
  t.after(app.close);
  const { page, recorder } = app;
  const dashboard = new DashboardPage(page);
  await dashboard.get('gap-diagram').waitFor();

  // "This wave": the latest wave with answers is chosen by default.
  const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`gaplens/project/${id}`)), DEMO);
  const waves = (stored.project ?? stored).waves.map((w) => w.name);
  const latest = waves[waves.length - 1];
  assert.equal(await dashboard.wave(), latest);
  await dashboard.get('dashboard-scope').filter({ hasText: `Wave ${latest}:` }).waitFor();
  const shownLatest = await dashboard.shownValues();
  assert.match(await dashboard.get('cx-headline').innerText(), /^Management \d+ % top box vs customers \d+ %$/);
  for (const gap of MODEL_GAPS) {
    assert.notEqual(shownLatest[gap], '–', `${gap} is measured in the demo`);
  }
  assert.ok(await dashboard.get('dash-priority').count() >= 1, 'the demo has priorities');
  assert.ok(await dashboard.get('dash-priority').count() <= 3, 'at most three priorities');
  assert.ok(await dashboard.get('dash-trend-items').locator('li').count() >= 1, 'the demo has a trend');

  await dashboard.chooseWave('');
  const shownAll = await dashboard.shownValues();

  await byTestId(page, 'nav-analysis').click();
  await byTestId(page, 'analysis-table').waitFor();
  const all = await downloadResults(page);
  assert.equal(all.wave, null);
  assertShownMatch(shownAll, all, 'all waves');
  await byTestId(page, 'wave-filter').selectOption(latest);
  await page.waitForFunction(() => document.querySelector('[data-testid="wave-filter"]')?.value !== '');
  const one = await downloadResults(page);
  assert.equal(one.wave, latest);
  assertShownMatch(shownLatest, one, latest);

  await assertClean(recorder, page);
});

test('each gap of the diagram links to its detail on the Analysis page', async (t) => {
  const app = await openApp({ path: `/#/p/${DEMO}/dashboard` });
  t.after(app.close);
  const { page, recorder } = app;
  const dashboard = new DashboardPage(page);
  await dashboard.get('gap-diagram').waitFor();
  for (const gap of GAPS) {
    const link = dashboard.link(gap);
    const label = gap === 'experience' ? await link.innerText() : await link.getAttribute('aria-label');
    assert.ok(label && label.length > 5, `${gap} link has an accessible name`);
    await link.click();
    await page.waitForURL(new RegExp(`#/p/${DEMO}/analysis/gap-${gap}$`));
    await page.getByRole('heading', { level: 1, name: 'Analysis' }).waitFor();
    await page.goBack();
    await dashboard.get('gap-diagram').waitFor();
  }
  // Keyboard: the badges are links in the tab order.
  await dashboard.link('knowledge').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/p/${DEMO}/analysis/gap-knowledge$`));
  await assertClean(recorder, page);
});

test('an empty project says what to do and shows no model of dashes', async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  await new ProjectsPage(page).create('Empty café');
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const empty = dashboard.get('dashboard-empty');
  await empty.waitFor();
  assert.match(await empty.getByRole('link').getAttribute('href'), /#\/p\/[^/]+\/data$/);
  // Nothing is measured, so neither the model nor the scores are drawn: only the start guide
  // and the empty state say what to do next.
  assert.equal(await dashboard.get('gap-diagram').count(), 0);
  for (const gap of [...MODEL_GAPS, 'experience']) assert.equal(await dashboard.get(`gap-value-${gap}`).count(), 0);
  await dashboard.get('guide').waitFor();
  await assertClean(recorder, page);
});

test('the dashboard fits a desktop and a phone, light and dark', async (t) => {
  const app = await openApp({ path: `/#/p/${DEMO}/dashboard` });
  t.after(app.close);
  const { page, recorder } = app;
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await byTestId(page, 'gap-diagram').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} ${colorScheme}: the page scrolls sideways by ${overflow}px`);
      const diagram = await byTestId(page, 'gap-diagram').boundingBox();
      assert.ok(diagram.x >= 0 && diagram.x + diagram.width <= viewport.width, `${name}: the diagram fits`);
      await screenshot(page, `dashboard-${name}-${colorScheme}`);
    }
  }
  await assertClean(recorder, page);
});
