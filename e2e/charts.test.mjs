// The charts of the Analysis page (issue 6): ECharts from our own dist/, loaded only when the
// first chart is shown; five charts of the demo; a filter change redraws them; instances are
// disposed of (as many live instances as charts, none after leaving the page); no CSP
// violation, no request to another origin; screenshots in light and dark at two widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ChartsSection, CHART_SLUGS } from './charts.pages.mjs';

const ECHARTS_FILE = /\/echarts-[0-9a-f]{12}\.js$/;
const WAVES = ['2026 Q1', '2026 Q2', '2026 Q3', ''];

// The page's own loads of the file (a <script>); the service worker also fetches it once in the
// background (resourceType 'fetch') to keep it for offline use.
function echartsRequests(recorder) {
  return recorder.requests.filter((r) => r.resourceType === 'script' && ECHARTS_FILE.test(new URL(r.url).pathname));
}

test('ECharts loads lazily; the five demo charts draw and redraw on every wave change; instances are disposed of', async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  assert.equal(echartsRequests(recorder).length, 0, 'the first load fetches no charting code');

  const charts = new ChartsSection(page);
  await charts.open();
  for (const slug of CHART_SLUGS) {
    assert.equal(await charts.chart(slug).getAttribute('data-state'), 'drawn', `${slug} is drawn`);
    assert.ok((await charts.chart(slug).locator('figcaption').innerText()).trim().length > 0, `${slug} has a caption`);
    assert.equal(await charts.chart(slug).locator('.chart-canvas').getAttribute('aria-hidden'), 'true');
    assert.ok(await charts.chart(slug).locator('details.chart-numbers table tbody tr').count() > 0, `${slug} has its numbers`);
  }
  const loads = echartsRequests(recorder);
  assert.equal(loads.length, 1, 'one ECharts file for all charts');
  const meta = await page.locator('meta[name="gaplens-echarts"]').getAttribute('content');
  assert.equal(new URL(loads[0].url).pathname, `/${meta.replace(/^\.\//, '')}`);
  assert.deepEqual(await charts.liveInstances(), { marked: 5, known: 5 });
  // Drawn as SVG, and the tooltips are rich text inside it (no HTML tooltip element).
  assert.equal(await page.locator('.chart-canvas svg').count(), 5);

  // Tooltips are drawn as rich text inside the SVG: hovering adds no HTML (user text is never
  // parsed as markup) and no inline style that the CSP would block.
  for (const slug of ['gap-bars', 'ipa', 'journey-heat-map']) {
    const canvas = charts.chart(slug).locator('.chart-canvas');
    const box = await canvas.boundingBox();
    for (const [fx, fy] of [[0.5, 0.3], [0.7, 0.5], [0.3, 0.6]]) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    }
    assert.equal(await canvas.evaluate((el) => el.querySelectorAll(':scope > *').length), 1, `${slug}: only the SVG viewport`);
  }
  await page.mouse.move(0, 0);

  // A wave filter change redraws every chart, and their numbers follow the filter.
  const numbersBefore = Object.fromEntries(await Promise.all(CHART_SLUGS.map(async (s) => [s, await charts.numbers(s)])));
  let before = await charts.revisions();
  await charts.selectWave('2026 Q1');
  await charts.waitRedrawn(before);
  for (const slug of CHART_SLUGS) {
    assert.notEqual(await charts.numbers(slug), numbersBefore[slug], `${slug}'s numbers follow the wave filter`);
  }
  assert.match(await charts.numbers('trends'), /2026 Q1 \(filtered\)/);

  // Twenty more changes: still exactly one live instance per chart, one SVG per chart.
  for (let i = 0; i < 20; i += 1) {
    before = await charts.revisions();
    await charts.selectWave(WAVES[(i + 1) % WAVES.length]);
    await charts.waitRedrawn(before);
  }
  assert.deepEqual(await charts.liveInstances(), { marked: 5, known: 5 });
  assert.equal(await page.locator('.chart-canvas svg').count(), 5);
  assert.equal(echartsRequests(recorder).length, 1, 'ECharts is fetched once');

  // Leaving the page disposes of every instance.
  await page.evaluate(() => {
    window.__gaplensChartCanvases = [...document.querySelectorAll('.chart-canvas')];
  });
  await page.evaluate(() => {
    location.hash = '#/p/demo-hotel/data';
  });
  await byTestId(page, 'charts').waitFor({ state: 'detached' });
  const live = await page.evaluate(
    () => window.__gaplensChartCanvases.filter((el) => globalThis.echarts.getInstanceByDom(el)).length,
  );
  assert.equal(live, 0, 'no ECharts instance outlives its chart');
  assert.equal(await page.locator('[_echarts_instance_]:not([_echarts_instance_=""])').count(), 0);

  // Coming back draws them again without fetching ECharts again.
  await charts.open();
  assert.deepEqual(await charts.liveInstances(), { marked: 5, known: 5 });
  assert.equal(echartsRequests(recorder).length, 1);
  await assertClean(recorder, page);
});

test('an Analysis section link scrolls to its section and moves the focus there', async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  for (const section of ['gap-perception', 'gap-delivery', 'gap-experience', 'charts']) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/p/demo-hotel/analysis/${section}`);
    await page.waitForFunction((id) => document.activeElement?.id === id, section);
    const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, section);
    assert.ok(Math.abs(top) < 80, `${section} is at the top (top = ${top})`);
    await page.evaluate(() => {
      location.hash = '#/p/demo-hotel/data';
    });
    await byTestId(page, 'charts').waitFor({ state: 'detached' });
  }
  await assertClean(recorder, page);
});

test('charts in light and dark at 1280x800 and 390x844: nothing overflows, dark mode redraws', async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  const charts = new ChartsSection(page);
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: 'light' });
    await charts.open();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow at ${width} px (${overflow} px)`);
    await byTestId(page, 'charts').screenshot({ path: `e2e/screenshots/charts-${width}-light.png` });
    const before = await charts.revisions();
    await page.emulateMedia({ colorScheme: 'dark' });
    await charts.waitRedrawn(before);
    await byTestId(page, 'charts').screenshot({ path: `e2e/screenshots/charts-${width}-dark.png` });
    // The dark theme is a new instance per chart; the light ones are gone.
    assert.deepEqual(await charts.liveInstances(), { marked: 5, known: 5 });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await screenshot(page, 'charts-analysis-390');
  await assertClean(recorder, page);
});
