// Data in without loss: files in the encodings spreadsheet programs write, binary files
// renamed to .csv, and a 10,000-row file that imports in slices with a progress bar.
// Run: GAPLENS_DIST=/path/to/dist node --test e2e/import.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage, DataPage, fixture } from './app.pages.mjs';

const DIST = process.env.GAPLENS_DIST || 'dist';

async function start(t, projectName) {
  const app = await openApp({ dir: DIST, path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  await new ProjectsPage(app.page).create(projectName);
  return app;
}

/** The stored project documents, to prove a rejected file changed nothing. */
async function storedProjects(page) {
  return page.evaluate(() => Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]));
}

/** The stored document of the project named `name`, as raw text (user text is stored as is). */
async function storedText(page, name) {
  return page.evaluate((name) => Object.keys(localStorage)
    .filter((k) => k.startsWith('gaplens/project/'))
    .map((k) => localStorage.getItem(k))
    .find((raw) => raw.includes(JSON.stringify(name))) ?? '', name);
}

/** The segment values the Analysis page offers as filters. */
async function segmentOptions(page) {
  await byTestId(page, 'nav-analysis').click();
  return (await byTestId(page, 'segment-filter').locator('option').allInnerTexts()).join(' | ');
}

test('a Windows-1252 CSV from Excel keeps å ä ö æ ø and says which encoding it was read in', async (t) => {
  const { page, recorder } = await start(t, 'Ansi-fil');
  const data = new DataPage(page);
  await data.import(fixture('windows-1252.csv'));
  await data.result().waitFor();
  const summary = await data.result().innerText();
  assert.match(summary, /windows-1252\.csv: imported 5 responses \(4 customers, 1 management\) into Höst 2026\./);
  assert.match(summary, /The file was read as Windows-1252 text \(not UTF-8\)\./);
  await screenshot(page, 'import-windows-1252');
  const stored = await storedText(page, 'Ansi-fil');
  for (const text of ['Höst 2026', 'Malmö', 'Århus', 'Tórshavn', 'Jyväskylä', 'Øst',
    'Trevlig personal, men kön var lång – säg till!', 'Pæn og hurtig levering; «god» service',
    'Kundeservice svarede først efter 20 min…', 'Hinta 12 € oli ok']) {
    assert.ok(stored.includes(text), `stored: ${text}`);
  }
  await page.reload();
  const segments = await segmentOptions(page);
  for (const town of ['Malmö', 'Århus', 'Tórshavn', 'Jyväskylä', 'Øst']) assert.ok(segments.includes(town), `${town} in ${segments}`);
  await assertClean(recorder, page);
});

test('a UTF-16 "Unicode text" file (tab separated) imports', async (t) => {
  const { page, recorder } = await start(t, 'Unicode-fil');
  const data = new DataPage(page);
  await data.import(fixture('utf-16.txt'));
  await data.result().waitFor();
  const summary = await data.result().innerText();
  assert.match(summary, /imported 3 responses \(2 customers, 1 management\) into Vår 2026\./);
  assert.match(summary, /read as UTF-16 LE text/);
  const stored = await storedText(page, 'Unicode-fil');
  for (const text of ['Vår 2026', 'Tromsø', 'Ålesund', 'Flott utsikt – men kaldt rom', 'Frokosten var \\"helt ok\\"']) {
    assert.ok(stored.includes(text), `stored: ${text}`);
  }
  await assertClean(recorder, page);
});

test('a UTF-8 file says nothing about its encoding', async (t) => {
  const { page, recorder } = await start(t, 'UTF-8-fil');
  const data = new DataPage(page);
  await data.import(fixture('nordic-semicolon.csv'));
  await data.result().waitFor();
  assert.doesNotMatch(await data.result().innerText(), /read as/);
  await assertClean(recorder, page);
});

test('an Excel workbook or an image renamed to .csv is rejected with advice, and nothing changes', async (t) => {
  const { page, recorder } = await start(t, 'Binary');
  const data = new DataPage(page);
  await data.import(fixture('nordic-semicolon.csv'));
  await data.result().waitFor();
  const before = await storedProjects(page);

  // The first bytes of a real .xlsx (a ZIP holding [Content_Types].xml).
  const xlsx = Buffer.concat([Buffer.from('504b030414000600080000002100', 'hex'), Buffer.from('[Content_Types].xml'), Buffer.alloc(64, 0)]);
  await byTestId(page, 'import-file').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: xlsx });
  const errors = byTestId(page, 'import-errors');
  await errors.filter({ hasText: 'answers.csv' }).waitFor();
  assert.match(await errors.innerText(), /answers\.csv was not imported: 1 problem found\. Nothing was changed\./);
  const [xlsxMessage] = await data.errors().allInnerTexts();
  assert.match(xlsxMessage, /^this looks like an Excel workbook \(\.xlsx\) or another ZIP file, not CSV text: open it in Excel, use File › Save As › "CSV UTF-8 \(Comma delimited\)", and import that file$/);

  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]);
  await byTestId(page, 'import-file').setInputFiles({ name: 'logo.csv', mimeType: 'text/csv', buffer: png });
  await errors.filter({ hasText: 'logo.csv' }).waitFor();
  assert.match((await data.errors().allInnerTexts())[0], /^this looks like an image, not CSV text/);

  const noise = Buffer.from(Array.from({ length: 3000 }, (_, i) => ((i * 2654435761) >>> 13) & 0xff | 1));
  await byTestId(page, 'import-file').setInputFiles({ name: 'noise.csv', mimeType: 'text/csv', buffer: noise });
  await errors.filter({ hasText: 'noise.csv' }).waitFor();
  assert.match((await data.errors().allInnerTexts())[0], /^this looks like a binary file, not CSV text \(byte \d+ is not a text character\)/);

  assert.deepEqual(await storedProjects(page), before, 'storage unchanged');
  await assertClean(recorder, page);
});

const ITEMS = ['TAN1', 'REL1', 'REL2', 'RES1'];
const AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/**
 * A survey tool's export of `rows` customers: id, wave, two segments, E and P for four items,
 * a short comment, and the tool's own columns (start time, browser, a long free-text answer),
 * which Gaplens does not use and does not store: 3–4 MB at 10,000 rows, yet small enough
 * stored to fit next to the demo project in the browser's storage.
 */
function bigCsv(rows, { outOfScale = false } = {}) {
  const header = ['id', 'source', 'wave', 'segment:kanal', 'segment:ort', ...ITEMS.flatMap((c) => [`E:${c}`, `P:${c}`]),
    'comment', 'started', 'user agent', 'other feedback'];
  const lines = [header.join(',')];
  const towns = ['Malmö', 'Århus', 'Tromsø', 'Jyväskylä'];
  for (let i = 1; i <= rows; i += 1) {
    const answers = ITEMS.flatMap((_, k) => [String(1 + ((i + k) % 7)), outOfScale && k === 0 ? '9' : String(1 + ((i * 3 + k) % 7))]);
    const feedback = `"Svar ${i}: ${'bra service, men lite väntetid; '.repeat(3 + (i % 3))}"`;
    lines.push([`big-${i}`, 'customer', '2026 Q3', i % 2 ? 'web' : 'butik', towns[i % 4], ...answers, `Kommentar ${i % 97}`,
      `2026-09-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00`, `"${AGENT}"`, feedback].join(','));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** Records, in the page, every change of the progress bar and every long task (> 50 ms). */
async function watchImport(page) {
  await page.evaluate(() => {
    const seen = (window.__importWatch = { progress: [], longTasks: [] });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    const record = () => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      const input = document.querySelector('[data-testid="import-file"]');
      if (!bar) return;
      const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent ?? '';
      const last = seen.progress.at(-1);
      if (last && last.text === text) return;
      seen.progress.push({ at: performance.now(), value: bar.getAttribute('value'), text, disabled: input.disabled, label: bar.textContent });
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

test('a 10,000-row file (3–4 MB) imports in slices with a progress bar, never freezing the page', async (t) => {
  const { page, recorder } = await start(t, 'Stor fil');
  const csv = bigCsv(10_000);
  assert.ok(csv.length > 3_000_000 && csv.length < 4_000_000, `${csv.length} bytes`);
  await watchImport(page);
  await byTestId(page, 'import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: csv });
  await byTestId(page, 'import-progress').waitFor();
  await screenshot(page, 'import-progress');
  const result = byTestId(page, 'import-result').or(byTestId(page, 'import-errors'));
  await result.waitFor({ timeout: 60_000 });
  assert.match(await byTestId(page, 'import-result').innerText(), /big\.csv: imported 10,000 responses \(10,000 customers, 0 management\) into 2026 Q3\. Columns not used: started, user agent, other feedback\./);
  assert.equal(await byTestId(page, 'import-progress').count(), 0, 'the bar is gone when done');
  assert.equal(await byTestId(page, 'import-file').isDisabled(), false, 'the input is enabled again');
  assert.equal(await new DataPage(page).totalCustomers().innerText(), '10,000');

  const { progress, longTasks } = await page.evaluate(() => window.__importWatch);
  const checking = progress.filter((p) => p.value !== null);
  assert.ok(checking.length >= 3, `progress shown in steps: ${JSON.stringify(progress.map((p) => p.text))}`);
  assert.ok(progress.every((p) => p.disabled), 'the file input is disabled while importing');
  const values = checking.map((p) => Number(p.value));
  assert.ok(values.every((v, i) => i === 0 || v >= values[i - 1]), `values only grow: ${values}`);
  assert.ok(values.some((v) => v > 0 && v < 100), `intermediate values: ${values}`);
  assert.ok(checking.every((p) => /^Checking big\.csv: \d+\s%, [\d,]+ rows$/.test(p.text)), 'no problems reported');
  const rows = checking.map((p) => Number(/([\d,]+) rows/.exec(p.text)[1].replaceAll(',', '')));
  assert.ok(rows.every((n, i) => n > (rows[i - 1] ?? 0) && n - (rows[i - 1] ?? 0) <= 2000), `at most 2,000 rows a slice: ${rows}`);
  assert.equal(checking[0].label, checking[0].text, 'the bar carries its text as fallback content');
  // While rows are checked (up to the last progress update), the page is never blocked long.
  // (From when the browser has read the file: handing a 3 MB file to the page is not the app's work.)
  const [firstUpdate, lastUpdate] = [progress[0].at, checking.at(-1).at];
  const during = longTasks.filter((task) => task.start >= firstUpdate && task.start < lastUpdate - 1);
  const longest = Math.max(0, ...during.map((task) => task.duration));
  t.diagnostic(`reading shown at ${Math.round(progress[0].at)} ms; progress: ${checking.map((p) => `${Math.round(p.at)} ms ${p.value} %`).join(', ')}; long tasks: ${JSON.stringify(longTasks)}`);
  assert.ok(longest < 250, `longest task while checking rows: ${longest} ms (${JSON.stringify(during)})`);
  await assertClean(recorder, page);
});

test('10,000 rows with a problem each: the first 100 are listed, the rest counted, nothing stored', async (t) => {
  const { page, recorder } = await start(t, 'Fel överallt');
  const before = await storedProjects(page);
  await byTestId(page, 'import-file').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: bigCsv(10_000, { outOfScale: true }) });
  const errors = byTestId(page, 'import-errors');
  await errors.waitFor({ timeout: 60_000 });
  assert.match(await errors.innerText(), /wrong\.csv was not imported: 10,000 problems found\. Nothing was changed\./);
  const listed = await new DataPage(page).errors().allInnerTexts();
  assert.equal(listed.length, 100);
  assert.equal(listed[0], 'row 1, column "P:TAN1": "9" is outside 1–7');
  assert.equal(listed[99], 'row 100, column "P:TAN1": "9" is outside 1–7');
  assert.match(await errors.innerText(), /… and 9900 more\./);
  assert.deepEqual(await storedProjects(page), before, 'storage unchanged');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'import-many-errors-phone');
  await assertClean(recorder, page);
});
