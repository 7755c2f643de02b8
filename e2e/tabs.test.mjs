// Two tabs of the same browser on the same project: a change in one shows in the other
// without a reload (the storage event), and a concurrent edit (the other tab saved first)
// is offered for resolution: download mine, reload theirs, or save mine over theirs.
//
//   GAPLENS_DIST=/tmp/<you>-dist node --test e2e/tabs.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage, DataPage } from './app.pages.mjs';

async function openDemoData(page) {
  await byTestId(page, 'project-row').first().waitFor();
  await new ProjectsPage(page).open('Hotel Fjordgården (demo)');
  await new DataPage(page).goto();
  await byTestId(page, 'responses-section').waitFor();
}

/** Adds a response with `id` through the Data page's form. */
async function addResponse(page, id, nps = '8') {
  await byTestId(page, 'response-id-input').fill(id);
  await byTestId(page, 'response-p-TAN1').fill('6');
  await byTestId(page, 'response-nps-input').fill(nps);
  await byTestId(page, 'response-save').click();
}

async function added(page, id) {
  await byTestId(page, 'response-saved').filter({ hasText: `Added the response “${id}”` }).waitFor();
}

/** Response ids stored for the demo, straight from local storage. */
async function storedIds(page) {
  const raw = await page.evaluate(() => localStorage.getItem('gaplens/project/demo-hotel'));
  const doc = JSON.parse(raw);
  return { revision: doc.revision, ids: doc.responses.rows.map((r) => r.i) };
}

/** Whether the responses table (filtered by `id`) shows a row with `id`. */
async function shows(page, id) {
  await byTestId(page, 'responses-filter-id').fill(id);
  return (await page.locator(`[data-testid="response-row"][data-id="${id}"]`).count()) === 1;
}

/**
 * Lets the test make this page miss other tabs' storage events later (missStorageEvents), as
 * a tab that is asleep, or whose event arrives only after the user's click, would: the only
 * way to get a truly concurrent edit. Installed before the app starts, around its listener.
 */
function canMissStorageEvents(page) {
  return page.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
      if (type === 'storage' && listener) {
        const inner = listener;
        listener = function (event) {
          if (window.__gaplensMissStorage) return;
          return typeof inner === 'function' ? inner.call(this, event) : inner.handleEvent(event);
        };
      }
      return add.call(this, type, listener, options);
    };
  });
}

function missStorageEvents(page) {
  return page.evaluate(() => { window.__gaplensMissStorage = true; });
}

test('a change in one tab shows in the other; a concurrent edit is offered for resolution', async (t) => {
  const app = await openApp({ dir: process.env.GAPLENS_DIST || 'dist', path: '/' });
  t.after(app.close);
  const a = app.page;
  await openDemoData(a);
  const b = await app.context.newPage();
  await canMissStorageEvents(b);
  await b.goto(new URL('/', a.url()).href);
  await openDemoData(b);
  const customers = Number(await byTestId(b, 'total-customers').innerText());

  // 1. Add in A: B's table and wave counts follow without a reload.
  await addResponse(a, 'from-A');
  await added(a, 'from-A');
  await byTestId(b, 'total-customers').filter({ hasText: String(customers + 1) }).waitFor();
  assert.ok(await shows(b, 'from-A'), 'B shows A\'s response');
  // And back: B edits now (it is up to date), A follows.
  await addResponse(b, 'from-B-fine');
  await added(b, 'from-B-fine');
  await byTestId(a, 'total-customers').filter({ hasText: String(customers + 2) }).waitFor();
  assert.equal(await byTestId(b, 'conflict').count(), 0, 'no conflict when the tabs are in step');

  // 2. A concurrent edit: B misses A's save, then saves its own change on the old revision.
  await missStorageEvents(b);
  await addResponse(a, 'from-A-2');
  await added(a, 'from-A-2');
  const theirs = await storedIds(a);
  await addResponse(b, 'from-B');
  const dialog = byTestId(b, 'conflict');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Another tab changed “Hotel Fjordgården \(demo\)”/);
  assert.deepEqual(await storedIds(b), theirs, 'nothing written before the user chooses');
  await screenshot(b, 'tabs-conflict');

  // The dialog is modal for the keyboard too: Tab and Shift+Tab stay on its three buttons.
  const focused = () => b.evaluate(() => document.activeElement?.dataset.testid);
  assert.equal(await focused(), 'conflict-theirs');
  const seen = [];
  for (let i = 0; i < 4; i++) { await b.keyboard.press('Tab'); seen.push(await focused()); }
  assert.deepEqual(seen, ['conflict-mine', 'conflict-download', 'conflict-theirs', 'conflict-mine']);
  await b.keyboard.press('Shift+Tab');
  await b.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'conflict-download');

  // Download mine first: the file holds B's version, with its change.
  const [download] = await Promise.all([b.waitForEvent('download'), byTestId(b, 'conflict-download').click()]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'gaplens-backup');
  const mine = file.projects[0].responses.map((r) => r.id);
  assert.ok(mine.includes('from-B') && !mine.includes('from-A-2'), 'the file is this tab\'s version');
  await byTestId(b, 'conflict-downloaded').filter({ hasText: 'downloaded' }).waitFor();

  // Reload theirs: B now shows A's change; B's change is dropped, as the button said.
  await byTestId(b, 'conflict-theirs').click();
  await dialog.waitFor({ state: 'detached' });
  await byTestId(b, 'notice').filter({ hasText: 'as the other tab saved it' }).waitFor();
  assert.ok(await shows(b, 'from-A-2'), 'B shows A\'s version');
  assert.ok(!(await shows(b, 'from-B')));
  assert.deepEqual(await storedIds(b), theirs);

  // 3. Again, and this time save mine over theirs.
  await byTestId(b, 'responses-filter-id').fill('');
  await addResponse(a, 'from-A-3');
  await added(a, 'from-A-3');
  const before = await storedIds(a);
  await addResponse(b, 'from-B-2', '2');
  await dialog.waitFor();
  await byTestId(b, 'conflict-mine').click();
  await dialog.waitFor({ state: 'detached' });
  await byTestId(b, 'notice').filter({ hasText: 'was saved; it replaces the one from the other tab' }).waitFor();
  const after = await storedIds(b);
  assert.equal(after.revision, before.revision + 1, 'saved on top of the revision stored');
  assert.ok(after.ids.includes('from-B-2'));
  assert.ok(after.ids.includes('from-A-2'), 'B\'s version holds everything it had loaded');
  assert.ok(!after.ids.includes('from-A-3'), 'A\'s newest change was replaced, as the button said');
  assert.ok(await shows(b, 'from-B-2'));
  // A receives the storage event and shows B's version.
  await byTestId(a, 'responses-filter-id').fill('from-B-2');
  await a.locator('[data-testid="response-row"][data-id="from-B-2"]').waitFor();

  // After a reload both tabs agree with storage.
  await b.reload();
  await byTestId(b, 'responses-section').waitFor();
  assert.ok(await shows(b, 'from-B-2'));
  await assertClean(app.recorder, a);
  await assertClean(app.recorder, b);
});
