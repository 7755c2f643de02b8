// The Actions page on the demo project: the demo's actions with their follow-up verdicts
// (Welch's test between the waves), a new action recorded through a three-step "why?" chain,
// kept over a reload, edited and deleted with confirmation; a blank due date is refused with
// a message naming the field and nothing stored. Screenshots at 1280x800 and 390x844, light
// and dark. Every test ends with assertClean.
//
//   CARGO_TARGET_DIR=/work/tgt/actions trunk build --release --dist /tmp/actions-dist
//   GAPLENS_DIST=/tmp/actions-dist node --test e2e/actions.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ActionsPage } from './actions.pages.mjs';
import { storedProject, storageSnapshot } from './setup.pages.mjs';

async function start(t) {
  const app = await openApp({ dir: process.env.GAPLENS_DIST || 'dist', path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  const actions = new ActionsPage(app.page);
  await actions.open();
  return { ...app, actions };
}

/** The page fits the viewport's width: nothing scrolls sideways. */
async function assertNoSidewaysScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${what}: the page is ${scroll}px wide in a ${width}px viewport`);
}

test('the demo actions show whether their gaps closed in the next wave', async (t) => {
  const { page, recorder, actions } = await start(t);
  assert.deepEqual(await actions.ids(), ['a1', 'a2', 'a3']);
  // The latest wave's priorities are listed, REL4 (rooms) first.
  assert.match(await byTestId(page, 'actions-priorities').innerText(), /REL4/);
  assert.match(await page.getByRole('heading', { level: 2 }).first().innerText(), /Priorities in 2026 Q3/);

  const checkIn = await actions.followUp('a1');
  assert.equal(checkIn.verdict, 'improved');
  assert.equal(checkIn.closed, 'Still short');
  assert.match(checkIn.numbers, /^gap −1\.25 in 2026 Q1 → −0\.81 in 2026 Q2, Welch p = 0\.0\d\d$/);
  const rooms = await actions.followUp('a2');
  assert.equal(rooms.verdict, 'no-change');
  assert.equal(rooms.label, 'No significant change');
  assert.equal(rooms.closed, 'Still short');
  const breakfast = await actions.followUp('a3');
  assert.equal(breakfast.verdict, 'improved');
  assert.equal(breakfast.closed, 'Gap closed');
  assert.match(breakfast.numbers, /^gap −0\.98 in 2026 Q2 → −0\.32 in 2026 Q3, Welch p = 0\.0\d\d$/);
  // The root cause is the last "why?" answer; the chain is there in full.
  assert.match(await actions.row('a2').getByTestId('action-row-root').innerText(), /Reception prints the list by hand/);
  assert.equal(await actions.row('a2').getByTestId('action-row-whys').locator('li').count(), 4);

  for (const [width, height, size] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await assertNoSidewaysScroll(page, `${size} ${scheme}`);
      await screenshot(page, `actions-${size}-${scheme}`);
    }
  }
  await assertClean(recorder, page);
});

/**
 * The data-testid of the focused element once it is `expected`, or whatever has the focus
 * after 5 s: the page moves the focus after its next render, so it is waited for, not read
 * at once.
 */
async function focused(page, expected) {
  await page.waitForFunction((id) => document.activeElement?.dataset.testid === id, expected, { timeout: 5000 })
    .catch(() => {});
  return page.evaluate(() => document.activeElement?.dataset.testid);
}

test('an action is recorded through the why-chain, kept, edited and deleted; a bad due date stores nothing', async (t) => {
  const { page, recorder, actions } = await start(t);

  // A blank due date (a date field holds nothing else that is not a date): refused, named.
  await actions.start('RES4');
  assert.equal(await actions.form().getByTestId('action-due').inputValue(), '', 'no due date is suggested');
  assert.equal(await focused(page, 'action-why'), 'action-why', 'focus starts in the first "why?"');
  assert.match(await actions.form().innerText(), /Why does .+ fall short\?/);
  await actions.fill({
    whys: ['Guests wait long on the phone.', 'Calls ring at the desk while reception checks guests in.', 'Nobody else can pick up the desk line.'],
    owner: 'Jonas Berg',
    status: 'in_progress',
    text: 'Forward the desk line to the back office after four rings.',
  });
  const before = await storageSnapshot(page);
  await actions.save();
  await actions.problems().first().waitFor();
  assert.deepEqual(await actions.problems().allInnerTexts(), ['The due date is required.']);
  assert.equal(await actions.form().getByTestId('action-due').getAttribute('aria-invalid'), 'true');
  assert.equal(await focused(page, 'action-due'), 'action-due', 'focus moves to the field at fault');
  assert.deepEqual(await storageSnapshot(page), before, 'nothing was stored');
  assert.deepEqual(await actions.ids(), ['a1', 'a2', 'a3']);

  // A blank "why?" step in the chain is named too.
  await actions.form().getByTestId('action-why-add').click();
  await actions.fill({ due: '2026-12-15' });
  await actions.save();
  await actions.problems().first().waitFor();
  assert.deepEqual(await actions.problems().allInnerTexts(), ['The answer to “why?” no. 4 is empty; write it or remove the step.']);
  await actions.form().getByTestId('action-why-remove').click();
  assert.equal(await actions.form().getByTestId('action-why').count(), 3);
  assert.equal(await actions.problems().count(), 0, 'the message about step 4 goes with it');
  await screenshot(page, 'actions-form');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await assertNoSidewaysScroll(page, `form, phone, ${scheme}`);
    await screenshot(page, `actions-form-phone-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  await actions.save();
  await byTestId(page, 'actions-saved').filter({ hasText: 'Action a4 saved.' }).waitFor();
  assert.deepEqual(await actions.ids(), ['a1', 'a2', 'a3', 'a4']);
  const row = actions.row('a4');
  assert.equal(await row.getByTestId('action-row-owner').innerText(), 'Jonas Berg');
  // Shown as the interface language writes dates; the ISO date stays in `datetime`.
  assert.equal(await row.getByTestId('action-row-due').innerText(), '15 Dec 2026');
  assert.equal(await row.getByTestId('action-row-due').locator('time').getAttribute('datetime'), '2026-12-15');
  assert.equal(await row.getByTestId('action-row-status').innerText(), 'In progress');
  assert.equal(await row.getByTestId('action-row-root').innerText(), 'Nobody else can pick up the desk line.');
  assert.equal(await row.getByTestId('action-follow-up').getAttribute('data-verdict'), 'not-yet-measured');
  const stored = (await storedProject(page, 'demo-hotel')).project.actions.at(-1);
  assert.deepEqual(stored, {
    id: 'a4', item: 'RES4', gap: stored.gap, wave: '2026 Q3',
    whys: ['Guests wait long on the phone.', 'Calls ring at the desk while reception checks guests in.', 'Nobody else can pick up the desk line.'],
    owner: 'Jonas Berg', action: 'Forward the desk line to the back office after four rings.', due: '2026-12-15', status: 'in_progress',
  });

  // Still there after a reload.
  await page.reload();
  await actions.row('a4').waitFor();
  assert.equal(await actions.row('a4').getByTestId('action-row-status').innerText(), 'In progress');

  // Edit the status.
  await actions.row('a4').getByTestId('action-edit').click();
  await actions.form().waitFor();
  assert.equal(await actions.form().getByTestId('action-why').count(), 3, 'the chain is loaded for editing');
  await actions.fill({ status: 'done' });
  await actions.save();
  await byTestId(page, 'actions-saved').filter({ hasText: 'Action a4 saved.' }).waitFor();
  assert.equal(await actions.row('a4').getByTestId('action-row-status').innerText(), 'Done');
  assert.equal((await storedProject(page, 'demo-hotel')).project.actions.at(-1).status, 'done');

  // Delete: cancel first, then confirm.
  await actions.row('a4').getByTestId('action-delete').click();
  await actions.row('a4').getByTestId('confirm-no').click();
  assert.deepEqual(await actions.ids(), ['a1', 'a2', 'a3', 'a4']);
  await actions.row('a4').getByTestId('action-delete').click();
  assert.match(await actions.row('a4').getByTestId('confirm').innerText(), /Delete action a4 on RES4/);
  await actions.row('a4').getByTestId('confirm-yes').click();
  await byTestId(page, 'actions-saved').filter({ hasText: 'Action a4 deleted.' }).waitFor();
  assert.deepEqual(await actions.ids(), ['a1', 'a2', 'a3']);
  assert.equal((await storedProject(page, 'demo-hotel')).project.actions.length, 3);
  await page.reload();
  await actions.row('a3').waitFor();
  assert.deepEqual(await actions.ids(), ['a1', 'a2', 'a3']);
  await assertClean(recorder, page);
});

test('the form is keyboard-usable and an earlier wave lists its own priorities', async (t) => {
  const { page, recorder, actions } = await start(t);
  await byTestId(page, 'actions-wave').selectOption('2026 Q1');
  await actions.priority('RES2').waitFor();
  assert.match(await actions.priority('RES2').innerText(), /1 action recorded for this item/);
  // Keyboard only: focus the start button, Enter, type, Tab to the next controls.
  await actions.priority('RES1').getByTestId('action-start').focus();
  await page.keyboard.press('Enter');
  await actions.form().waitFor();
  await page.keyboard.type('The booking page is slow on phones.');
  await actions.form().getByTestId('action-cancel').focus();
  await page.keyboard.press('Enter');
  assert.equal(await actions.form().count(), 0);
  assert.equal(await focused(page, 'action-start'), 'action-start', 'focus returns to the start button');
  await assertClean(recorder, page);
});
