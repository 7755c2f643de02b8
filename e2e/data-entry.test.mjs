// The Data page's entry forms, as a user works them: a manager's view (decimal comma, a value
// outside the scale, edit, delete with confirmation), complaints, and delivery measurements
// on the demo project's standards. Every test runs in a fresh browser profile and ends with
// assertClean: no request to another origin, no CSP violation, no console error, no panic,
// no cookie.
//
//   CARGO_TARGET_DIR=/tmp/entry-target trunk build --release --dist /tmp/entry-dist
//   GAPLENS_DIST=/tmp/entry-dist node --test e2e/data-entry.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage } from './app.pages.mjs';
import { ManagementForm, MeasurementForm, ComplaintForm } from './data-entry.pages.mjs';

async function start(t) {
  const app = await openApp({ dir: process.env.GAPLENS_DIST || 'dist', path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  return app;
}

/** Reloads and waits for the entry forms. */
async function reload(page) {
  await page.reload();
  await byTestId(page, 'management-section').waitFor();
}

/** The page fits the viewport's width: nothing scrolls sideways. */
async function assertNoSidewaysScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${what}: the page is ${scroll}px wide in a ${width}px viewport`);
}

test('a manager view is entered with decimal comma, checked against the scale, edited and deleted', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).create('Bistro Fjällbo');
  const form = new ManagementForm(page);
  await form.section().waitFor();
  assert.match(await byTestId(page, 'no-responses').innerText(), /No responses yet/);

  // Decimal comma, decimal point, blanks; Enter in the last field saves (keyboard only).
  await form.fill({ id: 'Anna Berg', wave: '2026 Q1', answers: { TAN1: ['7', '6'], REL1: ['6,5', '5'], REL2: ['', '4,5'] } });
  await form.s('REL2').press('Enter');
  await form.saved().filter({ hasText: 'Saved' }).waitFor();
  assert.match(await form.saved().innerText(), /Saved the view of .Anna Berg. for 2026 Q1: 3 items answered/);
  assert.equal(await form.rows().count(), 1);
  assert.match(await form.row('Anna Berg').getByTestId('mgmt-row-meta').innerText(), /2026 Q1 · 3 of 22 items answered/);
  assert.equal(await form.m('REL1').inputValue(), '', 'the form is cleared for the next manager');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'mgmt-id', 'focus is back on the manager field');
  // The wave was created and the manager counted.
  assert.match(await byTestId(page, 'wave-table').innerText(), /2026 Q1\s+0\s+1/);

  // A value outside the 1–7 scale: the message names the item and the field; nothing is saved.
  await form.fill({ id: 'Bo', wave: '2026 Q1', answers: { REL1: ['9', '5'], EMP1: ['5', 'x'] } });
  await form.save();
  await form.problems().first().waitFor();
  const problems = await form.problems().allInnerTexts();
  assert.deepEqual(problems, [
    'The M (what customers expect) for item REL1 “9” is outside the scale 1–7.',
    'The S (how well we deliver) for item EMP1 “x” is not a number; write it like 5 or 5,5.',
  ]);
  assert.equal(await form.m('REL1').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.s('EMP1').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.m('REL2').getAttribute('aria-invalid'), null);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'mgmt-m-REL1', 'focus goes to the first bad field');
  assert.equal(await form.rows().count(), 1);
  await screenshot(page, 'data-entry-management-problem');

  // A duplicate id is refused too.
  await form.fill({ id: 'Anna Berg', answers: { REL1: ['5'], EMP1: [undefined, '4'] } });
  await form.save();
  await form.problems().filter({ hasText: 'already used' }).waitFor();
  assert.equal(await form.problems().count(), 1);
  await form.fill({ id: '' });
  await form.save();
  await form.problems().filter({ hasText: 'The manager id or name is required.' }).waitFor();

  // A complaint: user text is shown as text, never as HTML.
  const complaints = new ComplaintForm(page);
  assert.match(await byTestId(page, 'complaint-date').inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'the date defaults to today');
  assert.equal(await byTestId(page, 'complaint-wave').inputValue(), '2026 Q1', 'the wave the manager created is suggested');
  await complaints.add({ text: '   ' });
  await complaints.problems().first().waitFor();
  assert.deepEqual(await complaints.problems().allInnerTexts(), ['The complaint text is required.']);
  assert.equal(await complaints.rows().count(), 0);
  await complaints.add({ date: '2026-03-14', wave: '2026 Q1', category: 'billing', text: 'Charged twice for <b>coffee</b>.' });
  await complaints.saved().filter({ hasText: 'added' }).waitFor();
  await complaints.add({ date: '2026-01-05', wave: '', category: '', text: 'Older, no wave.' });
  await complaints.saved().filter({ hasText: '5 Jan 2026' }).waitFor();
  assert.equal(await complaints.rows().count(), 2);

  // After a reload: the manager and the complaints are there, Bo was never stored.
  await reload(page);
  assert.deepEqual(await form.rows().evaluateAll((rows) => rows.map((r) => r.dataset.id)), ['Anna Berg']);
  const rows = complaints.rows();
  assert.equal(await rows.count(), 2);
  assert.equal(await rows.nth(0).getByTestId('complaint-row-text').innerText(), 'Charged twice for <b>coffee</b>.', 'newest first, as text');
  assert.equal(await rows.nth(0).locator('b').count(), 0, 'no HTML from user text');
  assert.equal(await rows.nth(0).getByTestId('complaint-row-meta').innerText(), '14 Mar 2026 · 2026 Q1 · billing');
  assert.equal(await rows.nth(1).getByTestId('complaint-row-meta').innerText(), '5 Jan 2026 · no wave');
  await screenshot(page, 'data-entry-desktop');

  // Edit: the form is loaded with the stored answers; rename and change a value.
  await form.edit('Anna Berg');
  assert.equal(await byTestId(page, 'mgmt-id').inputValue(), 'Anna Berg');
  assert.equal(await byTestId(page, 'mgmt-wave').inputValue(), '2026 Q1');
  assert.equal(await form.m('REL1').inputValue(), '6.5');
  assert.equal(await form.s('REL2').inputValue(), '4.5');
  assert.match(await byTestId(page, 'mgmt-editing').innerText(), /Editing the view of .Anna Berg./);
  await form.fill({ id: 'Anna B.', answers: { REL1: [undefined, '3'], TAN1: ['', ''] } });
  await form.save();
  await form.saved().filter({ hasText: 'Updated' }).waitFor();
  assert.deepEqual(await form.rows().evaluateAll((rows) => rows.map((r) => r.dataset.id)), ['Anna B.']);
  assert.match(await form.row('Anna B.').getByTestId('mgmt-row-meta').innerText(), /2 of 22 items answered/);
  await form.edit('Anna B.');
  assert.equal(await form.s('REL1').inputValue(), '3');
  assert.equal(await form.m('TAN1').inputValue(), '');
  await byTestId(page, 'mgmt-cancel-edit').click();
  assert.equal(await byTestId(page, 'mgmt-id').inputValue(), '');

  // Delete: cancelling keeps it, Escape keeps it, confirming removes it, also after a reload.
  await form.remove('Anna B.', { confirm: false });
  assert.equal(await form.rows().count(), 1);
  await form.row('Anna B.').getByTestId('mgmt-delete').click();
  await page.keyboard.press('Escape');
  await form.row('Anna B.').getByTestId('confirm').waitFor({ state: 'detached' });
  assert.equal(await form.rows().count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'mgmt-delete', 'focus returns to Delete');
  await form.remove('Anna B.');
  await byTestId(page, 'mgmt-none').waitFor();
  await reload(page);
  await byTestId(page, 'mgmt-none').waitFor();
  assert.equal(await form.rows().count(), 0);
  assert.equal(await complaints.rows().count(), 2, 'the complaints stay');

  // A complaint is deleted after confirmation.
  await complaints.rows().nth(1).getByTestId('complaint-delete').click();
  await complaints.rows().nth(1).getByTestId('confirm-yes').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="complaint-row"]').length === 1);
  await reload(page);
  assert.equal(await complaints.rows().count(), 1);

  // Without standards that have a KPI there is nothing to measure; the Items page is named.
  const none = byTestId(page, 'no-kpi-standards');
  assert.match(await none.innerText(), /set up on the Items page/);
  assert.match(await byTestId(page, 'setup-link').getAttribute('href'), /^#\/p\/[^/]+\/items$/);
  await assertClean(recorder, page);
});

test('delivery measurements of the demo project are added, judged against the KPI, filtered and deleted', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).open('Hotel Fjordgården (demo)');
  await byTestId(page, 'nav-data').click();
  const measurements = new MeasurementForm(page);
  await byTestId(page, 'measure-form').waitFor();
  const before = await measurements.rows('s2').count();

  // A new wave, a decimal comma; the message says in words whether the target is met.
  await measurements.add({ standard: 's2', wave: '2026 Q4', value: '18,5' });
  await measurements.saved().filter({ hasText: 'Added' }).waitFor();
  assert.match(await measurements.saved().innerText(),
    /Added 18.5 s for .Answer the phone within 20 seconds. \(2026 Q4\): meets the target ≤ 20 s\./);
  await measurements.add({ value: '31' });
  await measurements.saved().filter({ hasText: 'misses' }).waitFor();
  assert.equal(await measurements.rows('s2').count(), before + 2);

  // Not a number: named, nothing stored.
  await measurements.add({ value: '1.234,5' });
  await measurements.problems().first().waitFor();
  assert.deepEqual(await measurements.problems().allInnerTexts(),
    ['The measured value “1.234,5” is not a number; write it like 5 or 5,5.']);
  assert.equal(await measurements.rows('s2').count(), before + 2);

  // The new wave is offered in the filter and lists only its two values, judged in words.
  await measurements.filter('2026 Q4');
  const rows = measurements.rows('s2');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="measurement-row"]').length === 2);
  assert.deepEqual(await rows.getByTestId('measure-verdict').allInnerTexts(),
    ['✓ meets the target', '✗ misses the target']);
  assert.match(await measurements.group('s2').getByTestId('measure-summary').innerText(), /Target ≤ 20 s: 1 of 2 meet it\./);
  assert.match(await byTestId(page, 'wave-table').innerText(), /2026 Q4/);
  await screenshot(page, 'data-entry-measurements');

  // Delete the miss after confirming; a reload shows the one that is left.
  await rows.nth(1).getByTestId('measure-delete').click();
  await rows.nth(1).getByTestId('confirm-yes').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="measurement-row"]').length === 1);
  await reload(page);
  await measurements.filter('2026 Q4');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="measurement-row"]').length === 1);
  assert.equal(await measurements.rows('s2').getByTestId('measure-row-value').innerText(), '18.5 s');
  await measurements.filter(null);
  assert.equal(await measurements.rows('s2').count(), before + 1);

  // A complaint about a journey touchpoint, in the new wave; the list filters by wave.
  const complaints = new ComplaintForm(page);
  await complaints.add({ date: '2026-10-02', wave: '2026 Q4', touchpoint: 'phone', category: 'phone', text: 'On hold for 12 minutes.' });
  await complaints.saved().filter({ hasText: '2 Oct 2026' }).waitFor();
  await complaints.filter('2026 Q4');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="complaint-row"]').length === 1);
  assert.equal(await complaints.rows().getByTestId('complaint-row-meta').innerText(), '2 Oct 2026 · 2026 Q4 · Phone and questions · phone');
  await assertClean(recorder, page);
});

test('the entry forms fit a 390 px phone and stack the M/S grid', async (t) => {
  const { page, recorder } = await start(t);
  await page.setViewportSize({ width: 390, height: 844 });
  await new ProjectsPage(page).open('Hotel Fjordgården (demo)');
  await byTestId(page, 'nav-data').click();
  const form = new ManagementForm(page);
  await form.section().waitFor();
  await assertNoSidewaysScroll(page, 'demo Data page');

  // The item text sits above its M and S fields, which sit side by side.
  const [text, m, s] = await Promise.all([
    form.item('REL1').locator('.ms-item').boundingBox(),
    form.m('REL1').boundingBox(),
    form.s('REL1').boundingBox(),
  ]);
  assert.ok(m.y >= text.y + text.height - 1, 'M is below the item text');
  assert.ok(Math.abs(m.y - s.y) < 2 && s.x > m.x, 'S is beside M');
  assert.ok(s.x + s.width <= 390, 'S fits the screen');

  // A problem message on a phone also fits.
  await form.fill({ id: 'Phone test', wave: '2026 Q3', answers: { REL1: ['0', '8'] } });
  await form.save();
  await form.problems().first().waitFor();
  assert.equal(await form.problems().count(), 2);
  await assertNoSidewaysScroll(page, 'with problems shown');
  await screenshot(page, 'data-entry-phone');
  await assertClean(recorder, page);
});
