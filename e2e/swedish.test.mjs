// The main flow once in Swedish: a browser that asks for Swedish gets the interface in Swedish
// on its first visit (and the demo project with it), every page of the demo project speaks
// Swedish and writes figures with a decimal comma, and answers imported on the Data page reach
// the analysis. Everything stays on our own origin and the console stays clean.
// Run: GAPLENS_DIST=/path/to/dist node --test e2e/swedish.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, attachRecorder, assertClean, byTestId, screenshot } from './harness.mjs';
import { DataPage } from './app.pages.mjs';

const DEMO = 'demo-hotel';
/** A figure with two decimals and a decimal comma: "−0,45", "0,12". */
const COMMA_2 = /^−?\d+,\d\d$/;

/** A fresh browser context that asks for Swedish, on the app's first page. */
async function openInSwedish(t) {
  const app = await openApp();
  t.after(app.close);
  const context = await app.browser.newContext({ locale: 'sv-SE', acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const recorder = await attachRecorder(context, app.origin);
  const page = await context.newPage();
  await page.goto(app.url);
  await byTestId(page, 'project-row').first().waitFor();
  return { app, page, recorder };
}

/** The page's main heading. */
async function heading(page) {
  return (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
}

/** Opens a project tab by its test id and waits for `ready` to appear. */
async function tab(page, testid, ready) {
  await byTestId(page, testid).click();
  await byTestId(page, ready).first().waitFor();
}

/** A small file of answers in a new wave: twelve customers, E 6 and P 4 or 5 on REL1. */
function answersCsv() {
  const rows = ['id;source;wave;E:REL1;P:REL1'];
  for (let i = 1; i <= 12; i += 1) rows.push(`sv${i};customer;2027 Q1;6;${i % 2 ? 4 : 5}`);
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
}

test('a Swedish browser gets Gaplens in Swedish, with decimal commas, from the Dashboard to the Report, and imported answers reach the analysis', async (t) => {
  const { page, recorder } = await openInSwedish(t);

  // First visit: the browser's language, and the demo project in it.
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  assert.equal((await byTestId(page, 'nav-settings').innerText()).trim(), 'Inställningar');
  assert.ok(await page.locator(`[data-testid="project-row"][data-project-id="${DEMO}"]`).count(), 'the demo project is seeded');

  // Dashboard.
  await page.goto(new URL(`/#/p/${DEMO}/dashboard`, page.url()).href);
  await byTestId(page, 'gap-diagram').waitFor();
  assert.equal(await heading(page), 'Översikt');
  const tabs = {
    'nav-dashboard': 'Översikt', 'nav-journey': 'Kundresa', 'nav-items': 'Påståenden', 'nav-data': 'Data',
    'nav-analysis': 'Analys', 'nav-actions': 'Åtgärder', 'nav-report': 'Rapport',
  };
  for (const [testid, name] of Object.entries(tabs)) {
    assert.equal((await byTestId(page, testid).innerText()).trim(), name, testid);
  }
  assert.match(await byTestId(page, 'dashboard-scope').innerText(), /^Mätomgång 2026 Q3: \d+ kunder, \d+ från ledningen\.$/);
  for (const gap of ['knowledge', 'communication', 'perception']) {
    assert.match((await byTestId(page, `gap-value-${gap}`).textContent()).trim(), COMMA_2, `${gap} with a decimal comma`);
  }
  assert.match(await byTestId(page, 'cx-headline').innerText(), /^Ledningen \d+\s%\stoppbetyg mot kunderna \d+\s%$/);
  assert.equal(await page.locator('#dg-title').textContent(), 'Gapmodellen');
  assert.match(await byTestId(page, 'dash-priority').first().innerText(), /Kunderna bedömer det \d+,\d\d under sina förväntningar\./);
  await screenshot(page, 'swedish-dashboard');

  // Analysis.
  await tab(page, 'nav-analysis', 'analysis-table');
  assert.equal(await heading(page), 'Analys');
  const rel1 = page.locator('[data-testid="item-row"][data-code="REL1"]');
  assert.match((await rel1.getByTestId('gap').innerText()).trim(), COMMA_2);
  assert.match((await rel1.getByTestId('ci').innerText()).trim(), /^−?\d+,\d\d till −?\d+,\d\d$/);
  assert.ok(await page.getByRole('heading', { level: 2, name: 'Vad som ska åtgärdas först' }).count(), 'priorities heading');

  // Journey.
  await tab(page, 'nav-journey', 'journey-heat-section');
  assert.equal(await heading(page), 'Kundresa');
  assert.equal((await byTestId(page, 'journey-heat-section').locator('h2').innerText()).trim(), 'Värmekarta');
  assert.equal((await page.locator('#links-heading').innerText()).trim(), 'Påståenden och kontaktpunkter');
  // The heat map's numbers say which gap is a finding in words, not by colour alone.
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-journey-heat-map"]')?.dataset.state === 'drawn');
  assert.match(await byTestId(page, 'chart-journey-heat-map').locator('details table').textContent(), /▼ fynd: underskott/);
  await screenshot(page, 'swedish-journey');

  // Actions: Swedish headings, ISO dates (as Swedish writes them) and commas in the follow-up.
  await tab(page, 'nav-actions', 'actions-priorities');
  assert.equal(await heading(page), 'Åtgärder');
  assert.match(await page.getByRole('heading', { level: 2 }).first().innerText(), /^Prioriteter i 2026 Q3$/);
  const first = byTestId(page, 'action-row').first();
  assert.match(await first.getByTestId('action-row-due').innerText(), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(await first.getByTestId('action-numbers').innerText(), /^gap −?\d+,\d\d i 2026 Q1 → −?\d+,\d\d i 2026 Q2/);

  // Report.
  await tab(page, 'nav-report', 'report-findings');
  assert.equal((await page.locator('#report-findings').innerText()).trim(), 'Fynd');
  assert.equal((await page.locator('#report-method').innerText()).trim(), 'Metod');
  assert.match(await byTestId(page, 'report-wave').innerText(), /^Tal för mätomgång 2026 Q3\.$/);
  assert.match(await byTestId(page, 'report-date').innerText(), /^\d{4}-\d{2}-\d{2}$/);
  await screenshot(page, 'swedish-report');
  assert.match(await byTestId(page, 'report-overall').innerText(), /^Samlat upplevelsegap P − E: −?\d+,\d\d \(n = \d+, 95\s%\sKI −?\d+,\d\d till −?\d+,\d\d\)/);

  // Data: a small file of answers in a new wave.
  await tab(page, 'nav-data', 'import-file');
  const data = new DataPage(page);
  await data.import({ name: 'svar-2027.csv', mimeType: 'text/csv', buffer: answersCsv() });
  await data.result().waitFor();

  // The new answers reach the analysis: twelve of them in the new wave, gap 5 − 6 = −1 and
  // 4 − 6 = −2, half each: −1,50.
  await tab(page, 'nav-analysis', 'analysis-table');
  await byTestId(page, 'wave-filter').selectOption('2027 Q1');
  await rel1.getByTestId('n').filter({ hasText: /^12$/ }).waitFor();
  assert.equal((await rel1.getByTestId('gap').innerText()).trim(), '−1,50');
  await screenshot(page, 'swedish-analysis-imported');

  await assertClean(recorder, page);
});
