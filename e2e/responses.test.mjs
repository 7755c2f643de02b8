// The responses table on the Data page: page through the demo's responses, add, edit and
// delete a single response by hand (with a refused entry first), and a 10,000-row import
// followed by paging, with the time a page switch takes printed (no timing assertion).
//
//   CARGO_TARGET_DIR=/tmp/<you>-target trunk build --release --dist /tmp/<you>-dist
//   GAPLENS_DIST=/tmp/<you>-dist node --test e2e/responses.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage, DataPage } from './app.pages.mjs';

const ITEMS = ['TAN1', 'TAN2', 'TAN3', 'TAN4', 'REL1', 'REL2', 'REL3', 'REL4', 'REL5', 'RES1', 'RES2', 'RES3', 'RES4',
  'ASS1', 'ASS2', 'ASS3', 'ASS4', 'EMP1', 'EMP2', 'EMP3', 'EMP4', 'EMP5'];

async function start(t) {
  const app = await openApp({ dir: process.env.GAPLENS_DIST || 'dist', path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  return app;
}

/** The responses table as a user works it. */
class ResponsesTable {
  constructor(page) { this.page = page; }
  section() { return byTestId(this.page, 'responses-section'); }
  rows() { return byTestId(this.page, 'response-row'); }
  row(id) { return this.page.locator(`[data-testid="response-row"][data-id=${JSON.stringify(id)}]`); }
  count() { return byTestId(this.page, 'responses-count').innerText(); }
  pageLabel() { return byTestId(this.page, 'responses-page').innerText(); }
  async ids() { return (await byTestId(this.page, 'response-id').allInnerTexts()).map((s) => s.trim()); }
  async filterId(text) { await byTestId(this.page, 'responses-filter-id').fill(text); }
  async fill({ id, source, wave, segments, answers = {}, nps, csat, ces, comment }) {
    const p = this.page;
    if (id !== undefined) await byTestId(p, 'response-id-input').fill(id);
    if (source !== undefined) await byTestId(p, 'response-source-input').selectOption(source);
    if (wave !== undefined) await byTestId(p, 'response-wave-input').fill(wave);
    if (segments !== undefined) await byTestId(p, 'response-segments-input').fill(segments);
    for (const [code, [e, pp]] of Object.entries(answers)) {
      await byTestId(p, `response-e-${code}`).fill(e);
      await byTestId(p, `response-p-${code}`).fill(pp);
    }
    if (nps !== undefined) await byTestId(p, 'response-nps-input').fill(nps);
    if (csat !== undefined) await byTestId(p, 'response-csat-input').fill(csat);
    if (ces !== undefined) await byTestId(p, 'response-ces-input').fill(ces);
    if (comment !== undefined) await byTestId(p, 'response-comment-input').fill(comment);
  }
  save() { return byTestId(this.page, 'response-save').click(); }
}

/** The demo project's stored document, straight from local storage. */
function storedDemo(page) {
  return page.evaluate(() => localStorage.getItem('gaplens/project/demo-hotel'));
}

test('the demo responses page through; a response is added, refused, edited and deleted', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).open('Hotel Fjordgården (demo)');
  await new DataPage(page).goto();
  const table = new ResponsesTable(page);
  await table.section().waitFor();

  // Paging: 50 rows a page.
  const total = Number((await table.count()).match(/of (\d+)/)[1]);
  assert.ok(total > 100, `the demo has ${total} responses`);
  const pages = Math.ceil(total / 50);
  assert.match(await table.count(), new RegExp(`^Showing 1–50 of ${total}$`));
  assert.equal(await table.pageLabel(), `Page 1 of ${pages}`);
  assert.equal(await table.rows().count(), 50);
  const first = await table.ids();
  assert.ok(await byTestId(page, 'responses-prev').isDisabled());
  await byTestId(page, 'responses-next').click();
  await byTestId(page, 'responses-page').filter({ hasText: `Page 2 of ${pages}` }).waitFor();
  const second = await table.ids();
  assert.equal(second.length, 50);
  assert.ok(!second.some((id) => first.includes(id)), 'page 2 shows other rows');
  while (!(await byTestId(page, 'responses-next').isDisabled())) await byTestId(page, 'responses-next').click();
  assert.equal(await table.pageLabel(), `Page ${pages} of ${pages}`);
  assert.equal(await table.rows().count(), total - (pages - 1) * 50);
  // Filter by wave and source: the count follows; a new filter starts at page 1.
  await byTestId(page, 'responses-filter-source').selectOption('management');
  assert.match(await table.count(), /^Showing 1–\d+ of \d+ \(of \d+ in all\)$/);
  assert.equal(await table.pageLabel(), 'Page 1 of 1');
  for (const text of await byTestId(page, 'response-source').allInnerTexts()) assert.equal(text, 'management');
  await byTestId(page, 'responses-filter-source').selectOption('');

  // A refused entry lists every problem and stores nothing.
  const before = await storedDemo(page);
  await table.fill({ id: 'W1-001', segments: 'channel', answers: { TAN1: ['8', '5'] }, nps: '11' });
  await table.save();
  await byTestId(page, 'response-problem').first().waitFor();
  const problems = await byTestId(page, 'response-problem').allInnerTexts();
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems[0], /respondent id “W1-001” is already used/);
  assert.match(problems[1], /segment on line 1 “channel” is not written as name=value/);
  assert.match(problems[2], /expectation \(E\) for item TAN1 “8” is outside the scale 1–7/);
  assert.match(problems[3], /NPS answer “11” must be a whole number from 0 to 10/);
  assert.equal(await storedDemo(page), before, 'nothing stored');

  // Add: an id with quotes and non-ASCII, decimal comma, a new wave, segments.
  const id = 'Åsa "walk-in" <b>1</b>';
  await table.fill({ id, wave: '2026 Q4', segments: 'channel=shop\nguest=business', answers: { TAN1: ['7', '5,5'], REL1: ['', '4'] },
    nps: '9', csat: '4', ces: '2', comment: 'Line one\nline two' });
  await table.save();
  await byTestId(page, 'response-saved').filter({ hasText: 'Added' }).waitFor();
  assert.equal(await byTestId(page, 'response-problem').count(), 0);
  assert.equal(await byTestId(page, 'response-id-input').inputValue(), '', 'the form is cleared');
  assert.match(await table.count(), new RegExp(`of ${total + 1}$`));
  await table.filterId('walk-in');
  assert.equal(await table.rows().count(), 1);
  const row = table.row(id);
  assert.equal(await row.getByTestId('response-id').innerText(), id, 'shown as text, not HTML');
  assert.equal(await row.getByTestId('response-wave').innerText(), '2026 Q4');
  assert.equal(await row.getByTestId('response-segments').innerText(), 'channel=shop, guest=business');
  assert.equal(await row.getByTestId('response-answered').innerText(), '2');
  assert.equal(await row.getByTestId('response-nps').innerText(), '9');
  assert.match(await byTestId(page, 'wave-table').innerText(), /2026 Q4\s+1\s+0/);

  // Edit: the form is filled with the stored answers; change NPS and one answer.
  await row.getByTestId('response-edit').click();
  assert.equal(await byTestId(page, 'response-id-input').inputValue(), id);
  assert.equal(await byTestId(page, 'response-p-TAN1').inputValue(), '5.5');
  assert.equal(await byTestId(page, 'response-segments-input').inputValue(), 'channel=shop\nguest=business');
  assert.equal(await byTestId(page, 'response-comment-input').inputValue(), 'Line one\nline two');
  await table.fill({ nps: '3', answers: { EMP1: ['6', '6'] } });
  await screenshot(page, 'responses-editing');
  await table.save();
  await byTestId(page, 'response-saved').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await row.getByTestId('response-nps').innerText(), '3');
  assert.equal(await row.getByTestId('response-answered').innerText(), '3');

  // It is stored: after a reload the row is the same.
  await page.reload();
  await table.section().waitFor();
  await table.filterId('walk-in');
  assert.equal(await table.row(id).getByTestId('response-nps').innerText(), '3');
  const stored = JSON.parse(await storedDemo(page));
  assert.equal(stored.schema, 2);

  // Delete, with confirmation; Cancel first keeps it.
  await table.row(id).getByTestId('response-delete').click();
  await byTestId(page, 'confirm-no').click();
  assert.equal(await table.rows().count(), 1);
  await table.row(id).getByTestId('response-delete').click();
  await byTestId(page, 'confirm-yes').click();
  await byTestId(page, 'notice').filter({ hasText: 'was deleted' }).waitFor();
  assert.equal(await table.rows().count(), 0);
  assert.equal(await table.count(), 'No response matches the filter.');
  await table.filterId('');
  assert.match(await table.count(), new RegExp(`of ${total}$`));
  await page.reload();
  await table.section().waitFor();
  assert.match(await table.count(), new RegExp(`of ${total}$`));

  // Readable on a phone: nothing scrolls sideways but the table itself.
  await page.setViewportSize({ width: 390, height: 844 });
  await table.section().scrollIntoViewIfNeeded();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page is ${wide}px wide`);
  await screenshot(page, 'responses-phone');
  await assertClean(recorder, page);
});

test('10,000 imported rows page quickly', async (t) => {
  const { page, recorder } = await start(t);
  const dir = await mkdtemp(join(tmpdir(), 'gaplens-responses-'));
  const file = join(dir, 'ten-thousand.csv');
  const header = ['id', 'wave', 'segment:channel', 'segment:region', 'segment:type',
    ...ITEMS.flatMap((c) => [`E:${c}`, `P:${c}`]), 'nps'];
  const lines = [header.join(',')];
  let seed = 7;
  const next = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let i = 0; i < 10000; i++) {
    lines.push([`R${String(i).padStart(5, '0')}`, ['2026 Q1', '2026 Q2'][i % 2], ['web', 'phone', 'shop'][next(3)],
      ['north', 'south'][next(2)], ['new', 'regular'][next(2)], ...ITEMS.flatMap(() => [1 + next(7), 1 + next(7)]), next(11)].join(','));
  }
  await writeFile(file, lines.join('\n') + '\n');

  await new ProjectsPage(page).create('Ten thousand');
  const data = new DataPage(page);
  const started = Date.now();
  await data.import(file);
  await data.result().waitFor({ timeout: 120000 });
  console.log(`import of 10,000 rows: ${Date.now() - started} ms until the result shows`);
  assert.match(await data.result().innerText(), /imported 10,000 responses/);
  const table = new ResponsesTable(page);
  await byTestId(page, 'responses-count').filter({ hasText: 'of 10,000' }).waitFor();
  assert.equal(await table.pageLabel(), 'Page 1 of 200');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gaplens/project/'))
    .map((k) => localStorage.getItem(k)).find((v) => v.includes('"Ten thousand"')));
  console.log(`stored: ${stored.length} characters, ${(stored.length / 10000).toFixed(1)} per respondent (with the project's items, waves and the rest)`);

  const times = [];
  for (let n = 2; n <= 6; n++) {
    const t0 = await page.evaluate(() => performance.now());
    await byTestId(page, 'responses-next').click();
    await byTestId(page, 'responses-page').filter({ hasText: `Page ${n} of 200` }).waitFor();
    const t1 = await page.evaluate(() => performance.now());
    times.push(t1 - t0);
  }
  assert.deepEqual(await table.ids(), Array.from({ length: 50 }, (_, i) => `R${String(250 + i).padStart(5, '0')}`));
  // Filtering 10,000 rows by id text.
  const f0 = Date.now();
  await table.filterId('R0999');
  await byTestId(page, 'responses-count').filter({ hasText: 'Showing 1–10 of 10 (of 10,000 in all)' }).waitFor();
  const filterMs = Date.now() - f0;
  console.log(`page switch with 10,000 rows: ${times.map((x) => x.toFixed(0)).join(', ')} ms (median ${[...times].sort((a, b) => a - b)[2].toFixed(0)} ms); id filter: ${filterMs} ms`);
  await assertClean(recorder, page);
});
