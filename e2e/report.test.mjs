// The Report prints: Chromium's print to PDF (what page.pdf() drives) gives an A4 document with
// the expected headings in order, without the app's header, tabs or footer, in light colours
// even in dark mode. The pages are rendered to PNGs (pdftoppm) for a human to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfText, pdfPages, pdfSize, pagesAsImages } from './pdf.mjs';
import { openApp, assertClean, assertFitsEveryWidth, byTestId, SCREENSHOT_DIR } from './harness.mjs';
import { ProjectsPage } from './app.pages.mjs';

const REPORT = '/#/p/demo-hotel/report';

/** Waits for the report and for any chart images in it to finish loading. */
async function openReport(page) {
  await byTestId(page, 'report-title').waitFor();
  await byTestId(page, 'report-method').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-charts"] figure').length >= 5);
  // The charts draw themselves as images once their code has loaded; a chart that has not
  // become an image yet (or never does, e.g. without data) is given up to 15 s.
  const loaded = () => {
    const figures = [...document.querySelectorAll('[data-testid="report-charts"] figure')];
    return figures.every((f) => [...f.querySelectorAll('img')].some((img) => img.complete && img.naturalWidth > 0));
  };
  await page.waitForFunction(loaded, null, { timeout: 15_000 }).catch(() => {});
  const pending = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="report-charts"] figure img')].filter((img) => !(img.complete && img.naturalWidth > 0)).length,
  );
  assert.equal(pending, 0, 'a chart image in the report did not load');
  return page.evaluate(() => document.querySelectorAll('[data-testid="report-charts"] figure img').length);
}

/** Asserts each of `headings` occurs in `text` after the one before. */
function assertInOrder(text, headings) {
  let from = 0;
  for (const heading of headings) {
    const at = text.indexOf(heading, from);
    assert.ok(at >= 0, `"${heading}" missing after position ${from} of the PDF text`);
    from = at + heading.length;
  }
}

test('the report prints to an A4 PDF with its headings in order and no app chrome', async (t) => {
  const app = await openApp({ path: REPORT });
  t.after(app.close);
  const { page, recorder } = app;
  const images = await openReport(page);
  const name = (await byTestId(page, 'report-title').textContent()).trim();
  assert.match(name, /^Hotel Fjordgården/);
  // Shown as the interface language writes dates ("28 Nov 2026"); the ISO date in `datetime`.
  assert.match(await byTestId(page, 'report-date').textContent(), /^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  assert.match(await byTestId(page, 'report-date').getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}$/);
  const waves = await byTestId(page, 'report-wave-select').locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  assert.ok(waves.length >= 2, 'the demo has several waves');
  assert.ok((await byTestId(page, 'report-wave').textContent()).includes(`wave ${waves.at(-1)}`), 'the latest wave by default');
  assert.equal(await byTestId(page, 'report-wave-select').inputValue(), waves.at(-1));

  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, 'report.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const size = pdfSize(file);
  assert.ok(Math.abs(size.width - 595.3) < 2 && Math.abs(size.height - 841.9) < 2, `A4 pages, got ${size.width} x ${size.height} pt`);
  const pages = pdfPages(file);
  assert.ok(pages >= 3 && pages <= 20, `a reasonable number of pages, got ${pages}`);

  const text = pdfText(file);
  assertInOrder(text, [
    name,
    'Produced on',
    'Findings',
    'The gaps at a glance',
    'Gap 1: knowledge',
    'Gap 5: perception',
    'Perception gap per item',
    'Standards and delivery',
    'Journey and where to act',
    'Trends',
    'Priorities',
    'What closes it',
    'Charts',
    'Actions',
    'Method',
    'The gaps',
    'Holm',
    'Number of answers per figure',
    'End of the report',
  ]);
  for (const chrome of ['Skip to content', 'Print or save as PDF', 'Gaplens runs entirely in this browser', 'Settings']) {
    assert.ok(!text.includes(chrome), `"${chrome}" must not print`);
  }
  const shots = await pagesAsImages(file, 'report-page', 50);
  assert.equal(shots.length, pages);
  t.diagnostic(`report.pdf: ${pages} pages, ${images} chart images; page images in e2e/screenshots/report-page-*.png`);
  await assertClean(recorder, page);
});

test('print is light even in dark mode, and the wave selector and print button work', async (t) => {
  const app = await openApp({ path: REPORT });
  t.after(app.close);
  const { page, recorder } = app;
  await openReport(page);

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const colours = await page.evaluate(() => {
    const style = (el) => getComputedStyle(el);
    return {
      body: style(document.body).backgroundColor,
      text: style(document.querySelector('[data-testid="report-title"]')).color,
      header: style(document.querySelector('.app-header')).display,
      controls: style(document.querySelector('.report-controls')).display,
    };
  });
  assert.equal(colours.body, 'rgb(255, 255, 255)');
  assert.equal(colours.text, 'rgb(17, 17, 17)');
  assert.equal(colours.header, 'none');
  assert.equal(colours.controls, 'none');
  const dark = join(SCREENSHOT_DIR, 'report-dark.pdf');
  await page.pdf({ path: dark, format: 'A4', printBackground: true });
  await pagesAsImages(dark, 'report-dark-page', 50);

  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  await byTestId(page, 'report-wave-select').selectOption('');
  await page.waitForFunction(() => /all waves/i.test(document.querySelector('[data-testid="report-wave"]').textContent));
  await byTestId(page, 'report-method').waitFor();

  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await byTestId(page, 'report-print').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await assertClean(recorder, page);
});

test('the report on screen: desktop and phone, light and dark', async (t) => {
  const app = await openApp({ path: REPORT });
  t.after(app.close);
  const { page, recorder } = app;
  await openReport(page);
  await assertFitsEveryWidth(page, 'report');
  await assertClean(recorder, page);
});

test('a project without answers says so instead of an empty report', async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  await new ProjectsPage(page).create('Empty report');
  await byTestId(page, 'nav-report').click();
  await byTestId(page, 'report-empty').waitFor();
  assert.equal((await byTestId(page, 'report-title').textContent()).trim(), 'Empty report');
  assert.equal(await byTestId(page, 'report-findings').count(), 0);
  await assertClean(recorder, page);
});
