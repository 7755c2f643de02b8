// Questionnaires: on the demo project, the customer and the management questionnaire show every
// item with its scales, take an edited introduction and NPS, copy as text with codes, print to
// A4 PDFs without the app around them (light even in dark mode, items never split), and the
// CSV header template, with answers typed under it, imports on the Data page with no mapping.
// The PDF pages are rendered to PNGs (pdftoppm) in e2e/screenshots/ for a human to look at.
// Run: GAPLENS_DIST=/path/to/dist node --test e2e/questionnaire.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfText, pdfPages, pdfSize, pagesAsImages } from './pdf.mjs';
import { openApp, assertClean, assertFitsEveryWidth, byTestId, screenshot, SCREENSHOT_DIR } from './harness.mjs';
import { DataPage } from './app.pages.mjs';

const QUESTIONNAIRE = '/#/p/demo-hotel/questionnaire';
const ITEMS = 22;
const INTRO = 'Dear guest, thank you for staying with us at Fjordgården.\nPlease answer before you check out.';

/** What a user does on the Questionnaire page, by data-testid. */
class QuestionnairePage {
  constructor(page) { this.page = page; }
  get(id) { return byTestId(this.page, id); }
  async open() { await this.get('q-form').waitFor(); }
  items() { return this.get('q-item'); }
  async audience(which) {
    await this.get(`q-audience-${which}`).check();
    await this.page.locator(`[data-testid="q-form"][data-audience="${which}"]`).waitFor();
  }
  /** Downloads the CSV header template; returns its text. */
  async template() {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.get('q-csv').click()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }
}

/** Prints the page to an A4 PDF in e2e/screenshots; returns its path, pages and text. */
async function printPdf(page, stem) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${stem}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const size = pdfSize(file);
  assert.ok(Math.abs(size.width - 595.3) < 2 && Math.abs(size.height - 841.9) < 2, `A4 pages, got ${size.width} x ${size.height} pt`);
  const pages = pdfPages(file);
  const images = await pagesAsImages(file, `${stem}-page`);
  assert.equal(images.length, pages);
  return { file, pages, text: pdfText(file) };
}

/** Asserts each of `parts` occurs in `text` after the one before (ignoring case: the kicker is in capitals). */
function assertInOrder(text, parts) {
  let from = 0;
  for (const part of parts) {
    const at = text.toLowerCase().indexOf(part.toLowerCase(), from);
    assert.ok(at >= 0, `"${part}" missing after position ${from} of the PDF text`);
    from = at + part.length;
  }
}

/** Asserts that every demo item code (TAN1–TAN4, REL1–REL5, RES1–RES4, ASS1–ASS4, EMP1–EMP5) printed. */
function assertAllItems(text) {
  const codes = [['TAN', 4], ['REL', 5], ['RES', 4], ['ASS', 4], ['EMP', 5]].flatMap(([d, n]) => Array.from({ length: n }, (_, i) => `${d}${i + 1}`));
  assert.equal(codes.length, ITEMS);
  for (const code of codes) assert.ok(new RegExp(`\\b${code}\\b`).test(text), `item ${code} printed`);
}

/** pdftotext breaks lines where the PDF does: compare with all white space as single spaces. */
const flat = (text) => text.replace(/\s+/g, ' ');

/** Rows of answers under a template header: every rating, point and score filled in. */
function answers(header, rows) {
  const columns = header.replace(/^\uFEFF/, '').trim().split(',');
  return rows.map(({ id, wave, e, p, points, nps }) => columns.map((c) => {
    if (c === 'id') return id;
    if (c === 'wave') return wave;
    if (c === 'segment:channel') return 'paper';
    if (c.startsWith('segment:')) return '';
    if (c.startsWith('E:')) return String(e);
    if (c.startsWith('P:')) return String(p);
    if (c.startsWith('I:')) return String(points);
    if (c === 'nps') return String(nps);
    throw new Error(`unexpected template column ${c}`);
  }).join(','));
}

test('the customer questionnaire: items, scales, intro, NPS, copy, CSV template imported with no mapping, PDF', async (t) => {
  const app = await openApp({ path: '/#/p/demo-hotel/items' });
  t.after(app.close);
  const { page, context, origin, recorder } = app;
  // The Items page leads here.
  await byTestId(page, 'items-questionnaire').click();
  await page.waitForURL(/#\/p\/demo-hotel\/questionnaire$/);
  const q = new QuestionnairePage(page);
  await q.open();

  // Every item, with an expectation and a perception scale of 1–7, its code shown small.
  assert.equal(await q.items().count(), ITEMS);
  assert.equal(await q.get('q-scale-E').count(), ITEMS);
  assert.equal(await q.get('q-scale-P').count(), ITEMS);
  const first = q.items().first();
  assert.equal(await first.getAttribute('data-code'), 'TAN1');
  assert.equal((await first.getByTestId('q-code').innerText()).trim(), 'TAN1');
  assert.deepEqual(await first.getByTestId('q-scale-E').locator('.q-num').allInnerTexts(), ['1', '2', '3', '4', '5', '6', '7']);
  assert.equal(await q.get('q-group').count(), 5);
  assert.match(await q.get('q-title').innerText(), /^Hotel Fjordgården/);
  assert.equal((await q.get('q-kind').innerText()).trim().toLowerCase(), 'customer questionnaire');
  assert.equal(await q.get('q-wave').inputValue(), '2026 Q3', 'the current wave by default');
  assert.match(await q.get('q-wave-label').innerText(), /2026 Q3/);
  assert.equal(await q.get('q-importance-row').count(), 5);
  assert.equal(await q.get('q-respondent').count(), 1);
  assert.equal(await q.get('q-extras').count(), 0, 'NPS, CSAT and CES are off until chosen');

  // Edit the introduction and the wave, and ask NPS.
  await q.get('q-intro').fill(INTRO);
  assert.equal(await q.get('q-intro-text').innerText(), INTRO);
  await q.get('q-wave').fill('2026 Q4');
  assert.match(await q.get('q-wave-label').innerText(), /2026 Q4/);
  await q.get('q-extra-nps').check();
  await q.get('q-extra-nps-question').waitFor();
  assert.equal(await q.get('q-scale-nps').locator('.q-box').count(), 11, 'NPS 0–10');
  assert.equal(await q.get('q-extra-csat-question').count(), 0);

  // Copy text refused by the browser: the text is shown, focused and selected for Ctrl+C.
  await page.evaluate(() => {
    window.__writeText = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await q.get('q-copy').click();
  await q.get('q-copy-status').filter({ hasText: 'did not allow copying' }).waitFor();
  const copied = await q.get('q-copy-text').inputValue();
  const selection = await page.evaluate(() => {
    const area = document.activeElement;
    return { id: area?.dataset?.testid, start: area?.selectionStart, end: area?.selectionEnd, length: area?.value?.length };
  });
  assert.deepEqual(selection, { id: 'q-copy-text', start: 0, end: copied.length, length: copied.length });
  await screenshot(page, 'questionnaire-copy-refused');
  await page.evaluate(() => { navigator.clipboard.writeText = window.__writeText; });
  assert.match(copied, /^Hotel Fjordgården \(demo\): customer questionnaire\nWave: 2026 Q4\n/);
  assert.ok(copied.includes(INTRO), 'the edited introduction is in the text');
  assert.ok(copied.includes('Part 1: What you expect') && copied.includes('Part 2: What you experienced'));
  assert.equal(copied.match(/\[E:/g).length, ITEMS);
  assert.equal(copied.match(/\[P:/g).length, ITEMS);
  assert.ok(copied.includes('[E:REL1] When we promise to do something by a certain time, it gets done.'));
  assert.ok(copied.includes('[I:rel] Reliability'));
  assert.ok(copied.includes('[nps] How likely is it that you would recommend us to a friend or colleague? (0 = Not at all likely, 10 = Extremely likely)'));
  assert.ok(!copied.includes('[csat]'));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await q.get('q-copy').click();
  await page.waitForFunction(() => /Copied/.test(document.querySelector('[data-testid="q-copy-status"]')?.textContent ?? ''));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied);

  // The CSV header template: every column a canonical one.
  const template = await q.template();
  assert.equal(template.name, 'Hotel-Fjordgården-demo-customer-template.csv');
  const header = template.text.trim().split(',');
  assert.deepEqual(header.slice(0, 6), ['id', 'wave', 'segment:channel', 'segment:guest', 'E:TAN1', 'P:TAN1']);
  assert.deepEqual(header.slice(-6), ['I:tan', 'I:rel', 'I:res', 'I:ass', 'I:emp', 'nps']);
  assert.equal(header.length, 4 + 2 * ITEMS + 5 + 1);

  // Print: A4, the app around it gone, the texts in order.
  const printed = await printPdf(page, 'questionnaire-customer');
  assert.equal(printed.pages, 2, 'the customer questionnaire with NPS fits on two A4 pages');
  const text = flat(printed.text);
  // The blocks in order (pdftotext reads the statement and scale columns apart, so items are checked as a set).
  assertInOrder(text, [
    'Customer questionnaire', 'Hotel Fjordgården', 'Wave: 2026 Q4',
    'Dear guest, thank you for staying with us at Fjordgården.', 'tick two boxes',
    'Tangibles', 'What you expect', 'What you experienced', 'Strongly disagree', 'Strongly agree',
    'Reliability', 'Responsiveness', 'Assurance', 'Empathy',
    'How important is each group to you?', 'Share 100 points', 'Tangibles', 'Empathy', 'Total',
    'How likely is it that you would recommend us to a friend or colleague?', 'Not at all likely', 'Extremely likely',
    'Thank you for your answers!',
  ]);
  assertAllItems(text);
  assert.ok(text.includes('Our staff look neat and professional.'), 'the statements print');
  assert.ok(text.includes('Respondent no.') && text.includes('For office use'), 'the respondent-number box prints');
  for (const chrome of ['Skip to content', 'Print or save as PDF', 'Copy text', 'Download CSV header template', 'Which questionnaire?', 'Settings', 'Gaplens runs entirely']) {
    assert.ok(!text.includes(chrome), `"${chrome}" must not print`);
  }
  assert.ok(!text.includes('Overall, how satisfied'), 'CSAT was not chosen');
  // No item splits over two pages (the print rule; the PNGs show it).
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.q-item')).breakInside), 'avoid');
  await page.emulateMedia({ media: 'screen' });
  t.diagnostic(`questionnaire-customer.pdf: ${printed.pages} pages; PNGs in e2e/screenshots/questionnaire-customer-page-*.png`);

  // The template with two respondents typed under it imports on the Data page, no mapping step.
  const rows = answers(template.text, [
    { id: 'Q-1', wave: '2026 Q4', e: 6, p: 5, points: 20, nps: 9 },
    { id: 'Q-2', wave: '', e: 7, p: 4, points: 20, nps: 6 },
  ]);
  const filled = `${template.text.trimEnd()}\r\n${rows.join('\r\n')}\r\n`;
  await byTestId(page, 'nav-data').click();
  const data = new DataPage(page);
  await byTestId(page, 'import-file').waitFor();
  const before = Number(await data.totalCustomers().innerText());
  await data.import({ name: template.name, mimeType: 'text/csv', buffer: Buffer.from(filled, 'utf8') }, { defaultWave: '2026 Q4' });
  await data.result().waitFor();
  const summary = await data.result().innerText();
  assert.match(summary, /imported 2 responses \(2 customers, 0 management\) into 2026 Q4\./);
  assert.doesNotMatch(summary, /not used/i, 'every column is recognised');
  assert.equal(await byTestId(page, 'import-errors').count(), 0);
  assert.equal(Number(await data.totalCustomers().innerText()), before + 2, 'both respondents are stored');
  assert.equal(await byTestId(page, 'wave-row').filter({ hasText: '2026 Q4' }).count(), 1, 'the new wave is listed');
  await assertClean(recorder, page);
});

test('the management questionnaire asks M and S for every item and prints; its template imports as management', async (t) => {
  const app = await openApp({ path: QUESTIONNAIRE });
  t.after(app.close);
  const { page, recorder } = app;
  const q = new QuestionnairePage(page);
  await q.open();
  await q.audience('management');
  assert.equal(await q.items().count(), ITEMS);
  assert.equal(await q.get('q-scale-E').count(), ITEMS);
  assert.equal(await q.get('q-scale-P').count(), ITEMS);
  assert.equal(await q.get('q-extra-nps').count(), 0, 'NPS is not asked of managers');
  assert.equal(await q.get('q-importance').count(), 0);
  await q.get('q-source-hint').waitFor();
  assert.match(await q.get('q-intro').inputValue(), /how you see our customers' expectations/);
  await q.get('q-intro').fill('For the management team of Fjordgården.');

  await q.get('q-copy').click();
  await page.waitForFunction(() => !/Copying/.test(document.querySelector('[data-testid="q-copy-status"]')?.textContent ?? 'Copying'));
  const copied = await q.get('q-copy-text').inputValue();
  assert.match(copied, /^Hotel Fjordgården \(demo\): management questionnaire\n/);
  assert.ok(copied.includes('Part 1: What customers expect (M)') && copied.includes('Part 2: What we deliver (S)'));
  assert.ok(!copied.includes('[I:') && !copied.includes('[nps]'));

  const template = await q.template();
  assert.equal(template.name, 'Hotel-Fjordgården-demo-management-template.csv');
  const header = template.text.trim().split(',');
  assert.deepEqual(header.slice(0, 3), ['id', 'source', 'wave']);
  assert.equal(header.length, 3 + 2 * ITEMS);

  const printed = await printPdf(page, 'questionnaire-management');
  assert.ok(printed.pages >= 1 && printed.pages <= 4, `management questionnaire: 1–4 pages, got ${printed.pages}`);
  const text = flat(printed.text);
  assertInOrder(text, [
    'Management questionnaire', 'Hotel Fjordgården', 'For the management team of Fjordgården.',
    'Tangibles', 'What customers expect (M)', 'What we deliver (S)', 'Empathy', 'Thank you for your answers!',
  ]);
  assertAllItems(text);
  assert.ok(text.includes('Respondent no.'));
  for (const absent of ['How important is each group', 'recommend us', 'Copy text', 'Settings']) {
    assert.ok(!text.includes(absent), `"${absent}" must not print on the management questionnaire`);
  }
  t.diagnostic(`questionnaire-management.pdf: ${printed.pages} pages; PNGs in e2e/screenshots/questionnaire-management-page-*.png`);

  // A manager's answers under the template import as management.
  const columns = template.text.trim().split(',');
  const row = columns.map((c) => (c === 'id' ? 'MQ-1' : c === 'source' ? 'management' : c === 'wave' ? '2026 Q3' : c.startsWith('E:') ? '6' : '7'));
  await byTestId(page, 'nav-data').click();
  const data = new DataPage(page);
  await byTestId(page, 'import-file').waitFor();
  await data.import({ name: template.name, mimeType: 'text/csv', buffer: Buffer.from(`${template.text.trimEnd()}\r\n${row.join(',')}\r\n`) });
  await data.result().waitFor();
  const summary = await data.result().innerText();
  assert.match(summary, /imported 1 responses \(0 customers, 1 management\) into 2026 Q3\./);
  assert.doesNotMatch(summary, /not used/i);
  await assertClean(recorder, page);
});

test('print is light in dark mode; the print button prints; desktop and phone views', async (t) => {
  const app = await openApp({ path: QUESTIONNAIRE });
  t.after(app.close);
  const { page, recorder } = app;
  const q = new QuestionnairePage(page);
  await q.open();
  await q.get('q-extra-nps').check();
  await q.get('q-extra-csat').check();
  await q.get('q-extra-ces').check();

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const colours = await page.evaluate(() => {
    const style = (selector) => getComputedStyle(document.querySelector(selector));
    return {
      body: style('body').backgroundColor,
      title: style('[data-testid="q-title"]').color,
      box: style('.q-box').borderTopColor,
      header: style('.app-header').display,
      controls: style('.q-controls').display,
    };
  });
  assert.equal(colours.body, 'rgb(255, 255, 255)');
  assert.equal(colours.title, 'rgb(17, 17, 17)');
  assert.equal(colours.box, 'rgb(17, 17, 17)');
  assert.equal(colours.header, 'none');
  assert.equal(colours.controls, 'none');
  const dark = await printPdf(page, 'questionnaire-dark');
  assert.ok(flat(dark.text).includes('Overall, how satisfied are you with us?'));
  assert.ok(flat(dark.text).includes('How much effort did you personally have to put in'));

  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await q.get('q-print').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);

  await assertFitsEveryWidth(page, 'questionnaire');
  await assertClean(recorder, page);
});

test('a perception-only project asks P only, and its template has no E columns', async (t) => {
  const app = await openApp({ path: '/#/p/demo-hotel/items' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'survey-perception-only').check();
  await byTestId(page, 'survey-status').filter({ hasText: 'perception only' }).waitFor();
  await byTestId(page, 'items-questionnaire').click();
  const q = new QuestionnairePage(page);
  await q.open();
  assert.equal(await q.items().count(), ITEMS);
  assert.equal(await q.get('q-scale-E').count(), 0);
  assert.equal(await q.get('q-scale-P').count(), ITEMS);
  assert.match(await q.get('q-intro').inputValue(), /how you experienced our service/);
  const template = await q.template();
  const header = template.text.trim().split(',');
  assert.ok(!header.some((c) => c.startsWith('E:')), `no E columns: ${header.join(',')}`);
  assert.equal(header.filter((c) => c.startsWith('P:')).length, ITEMS);
  const printed = await printPdf(page, 'questionnaire-perception-only');
  const text = flat(printed.text);
  assert.ok(text.includes('What you experienced') && !text.includes('What you expect'));
  // Management still gives both M and S.
  await q.audience('management');
  assert.equal(await q.get('q-scale-E').count(), ITEMS);
  await assertClean(recorder, page);
});
