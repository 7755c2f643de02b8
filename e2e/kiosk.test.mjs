// Kiosk mode (Collect, issue 7): the consultant starts a kiosk on the demo project with a PIN;
// two respondents answer one after the other (thank-you screen, automatic reset); the back
// button, typed addresses, Escape, Alt+Left and reloading all leave the kiosk where it is,
// and nothing of another page ever appears (a MutationObserver watches every page load);
// a wrong PIN is refused and five lock the exit; the right PIN opens the Data page, where the
// two answers are customer responses of the chosen wave with the segment collected=kiosk.
// And offline: with the service worker's cache, an answer sent with the network off is
// stored, and a reload with the network off resumes the kiosk.
//
//   CARGO_TARGET_DIR=<yours> trunk build --release --dist /tmp/dist-<you>
//   GAPLENS_DIST=/tmp/dist-<you> node --test e2e/kiosk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage, DataPage } from './app.pages.mjs';

const DIST = process.env.GAPLENS_DIST || 'dist';
const PROJECT = 'demo-hotel';
const KIOSK_HASH = `#/p/${PROJECT}/collect`;
const PIN = '2468';
const WAVE = 'Kiosk 2026 Q4';
const T = { timeout: 240_000 };

/** What the respondent and the staff do on the kiosk. */
class Kiosk {
  constructor(page) { this.page = page; }
  root() { return byTestId(this.page, 'kiosk'); }
  form() { return byTestId(this.page, 'kiosk-form'); }
  thanks() { return byTestId(this.page, 'kiosk-thanks'); }
  rate(part, code, value) {
    return this.page.locator(`[data-testid="kiosk-${part}-${code}"] input[value="${value}"]`).check();
  }
  pick(question, value) {
    return this.page.locator(`[data-testid="kiosk-${question}"] input[value="${value}"]`).check();
  }
  checked() { return this.form().locator('input[type="radio"]:checked').count(); }
  send() { return byTestId(this.page, 'kiosk-submit').click(); }
  async leave(pin) {
    if (!(await byTestId(this.page, 'kiosk-staff-dialog').isVisible())) await byTestId(this.page, 'kiosk-staff').click();
    await byTestId(this.page, 'kiosk-pin').fill(pin);
    await byTestId(this.page, 'kiosk-pin-submit').click();
  }
}

/** The Collect setup page. */
async function startKiosk(page, { wave = WAVE, pin = PIN, extras = ['csat', 'ces', 'comment'] } = {}) {
  await byTestId(page, 'go-collect').click();
  await byTestId(page, 'collect-setup').waitFor();
  await byTestId(page, 'collect-wave').selectOption({ label: 'A new wave…' });
  await byTestId(page, 'collect-new-wave').fill(wave);
  for (const extra of extras) await byTestId(page, `collect-${extra}`).check();
  await byTestId(page, 'collect-pin').fill(pin);
  await byTestId(page, 'collect-pin-repeat').fill(pin);
  await byTestId(page, 'collect-start').click();
  await byTestId(page, 'kiosk-form').waitFor();
}

/** Opens the demo project's Data page. */
async function openDemoData(page) {
  await byTestId(page, 'project-row').first().waitFor();
  await new ProjectsPage(page).open('Hotel Fjordgården (demo)');
  await new DataPage(page).goto();
}

// Everything that belongs to another page than the kiosk.
const OTHER_PAGES = '.app-header, .app-footer, [data-testid="collect-setup"], [data-testid="wave-table"], '
  + '[data-testid="responses-section"], [data-testid="project-row"], [data-testid="nav-settings"], [data-testid="notice"]';

/** Records, in this page and on every later load, any moment a kiosk session is stored while
 *  something of another page is in the document. */
async function watchForLeaks(context, page) {
  const script = `(() => {
    window.__kioskLeaks = [];
    const look = () => {
      if (localStorage.getItem('gaplens/pref/kiosk') === null) return;
      const found = document.querySelector(${JSON.stringify(OTHER_PAGES)});
      if (found) window.__kioskLeaks.push(location.hash + ' ' + (found.getAttribute('data-testid') || found.className));
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
  })();`;
  await context.addInitScript(script);
  await page.evaluate(script);
}

/** The kiosk is all there is, at its own address. */
async function assertStillKiosk(page, kiosk, what) {
  // A hash change is put back by a listener; give it its turn.
  await page.waitForFunction((hash) => location.hash === hash, KIOSK_HASH, { timeout: 5000 }).catch(() => {});
  await kiosk.root().waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => location.hash), KIOSK_HASH, `${what}: the address is the kiosk's`);
  assert.equal(await page.locator(OTHER_PAGES).count(), 0, `${what}: nothing of another page is shown`);
  assert.equal(await page.locator('main').count(), 1, `${what}: one main, the kiosk`);
  const leaks = await page.evaluate(() => window.__kioskLeaks ?? null);
  if (leaks !== null) assert.deepEqual(leaks, [], `${what}: another page never appeared while the kiosk ran`);
}

test('two respondents answer; the kiosk holds against leaving; the PIN ends it; the answers are in the wave', T, async (t) => {
  const app = await openApp({ dir: DIST, path: '/' });
  t.after(app.close);
  const { page, context, recorder } = app;
  await watchForLeaks(context, page);
  await openDemoData(page);
  assert.match(await byTestId(page, 'go-collect').innerText(), /Collect answers/);

  // Setup: problems are listed, nothing starts.
  await byTestId(page, 'go-collect').click();
  await byTestId(page, 'collect-setup').waitFor();
  assert.equal(await page.evaluate(() => location.hash), KIOSK_HASH);
  await byTestId(page, 'collect-wave').selectOption({ label: 'A new wave…' });
  await byTestId(page, 'collect-pin').fill('24');
  await byTestId(page, 'collect-start').click();
  const problems = await byTestId(page, 'collect-problem').allInnerTexts();
  assert.deepEqual(problems, [
    'Choose the wave the answers belong to, or name a new one.',
    'The PIN must be 4 to 12 digits.',
  ]);
  await byTestId(page, 'collect-pin').fill(PIN);
  await byTestId(page, 'collect-pin-repeat').fill('2469');
  await byTestId(page, 'collect-new-wave').fill(WAVE);
  await byTestId(page, 'collect-start').click();
  await byTestId(page, 'collect-problem').filter({ hasText: 'The two PINs differ' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('gaplens/pref/kiosk')), null, 'nothing started');
  for (const extra of ['csat', 'ces', 'comment']) await byTestId(page, `collect-${extra}`).check();
  await byTestId(page, 'collect-pin-repeat').fill(PIN);
  await byTestId(page, 'collect-start').click();

  const kiosk = new Kiosk(page);
  await kiosk.form().waitFor();
  assert.deepEqual(await page.evaluate(() => window.__kioskLeaks), [], 'the watch is on');
  await assertStillKiosk(page, kiosk, 'started');
  const stored = await page.evaluate(() => localStorage.getItem('gaplens/pref/kiosk'));
  assert.ok(stored && !stored.includes(PIN), 'the session is stored, its PIN not in plain text');
  assert.equal(await byTestId(page, 'kiosk-item').count(), 22, 'every item of the demo is asked');
  assert.equal(await page.locator('[data-testid^="kiosk-e-"]').count(), 22, 'E per item');
  assert.equal(await page.locator('[data-testid^="kiosk-p-"]').count(), 22, 'P per item');
  for (const q of ['kiosk-nps', 'kiosk-csat', 'kiosk-ces', 'kiosk-comment']) assert.equal(await byTestId(page, q).count(), 1, q);

  // Respondent 1.
  await kiosk.rate('e', 'TAN1', 6);
  await kiosk.rate('p', 'TAN1', 4);
  await kiosk.rate('e', 'REL1', 7);
  await kiosk.rate('p', 'REL1', 3);
  await kiosk.pick('nps', 9);
  await kiosk.pick('csat', 4);
  await kiosk.pick('ces', 2);
  await byTestId(page, 'kiosk-comment').fill('Lovely <b>breakfast</b>');
  await screenshot(page, 'kiosk-answering');
  await kiosk.send();
  await kiosk.thanks().waitFor();
  assert.match(await kiosk.thanks().innerText(), /Thank you for your answers!/);
  await screenshot(page, 'kiosk-thanks');
  // The automatic reset, after about five seconds: a fresh questionnaire.
  const shown = Date.now();
  await kiosk.form().waitFor({ timeout: 15_000 });
  const after = Date.now() - shown;
  assert.ok(after > 3000, `the thank-you screen stayed ${after} ms`);
  assert.equal(await kiosk.thanks().count(), 0);
  assert.equal(await kiosk.checked(), 0, 'nothing of the previous respondent is shown');
  assert.equal(await byTestId(page, 'kiosk-comment').inputValue(), '');

  // Respondent 2: nothing answered is refused; then a few answers and "Next respondent".
  await kiosk.send();
  await byTestId(page, 'kiosk-error').filter({ hasText: 'Please answer at least one question' }).waitFor();
  await kiosk.rate('p', 'TAN1', 7);
  await kiosk.rate('p', 'EMP5', 1);
  await kiosk.pick('nps', 3);
  await kiosk.send();
  await kiosk.thanks().waitFor();
  await byTestId(page, 'kiosk-next').click();
  await kiosk.form().waitFor();
  assert.equal(await kiosk.checked(), 0);

  // Ways out that must not work.
  await page.goBack();
  await assertStillKiosk(page, kiosk, 'Back');
  await page.evaluate(() => { location.hash = '#/settings'; });
  await assertStillKiosk(page, kiosk, '#/settings');
  await page.evaluate((id) => { location.hash = `#/p/${id}/data`; }, PROJECT);
  await assertStillKiosk(page, kiosk, 'the Data page address');
  await page.evaluate(() => { location.hash = '#/'; });
  await assertStillKiosk(page, kiosk, 'the project list address');
  await page.goto(new URL(`#/p/${PROJECT}/analysis`, app.url).href);
  await assertStillKiosk(page, kiosk, 'typing the Analysis address');
  await kiosk.rate('p', 'TAN2', 5);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+ArrowLeft');
  await assertStillKiosk(page, kiosk, 'Escape and Alt+Left');
  assert.equal(await kiosk.checked(), 1, 'the answer being given is still there');
  await page.reload();
  await assertStillKiosk(page, kiosk, 'reload');
  await kiosk.form().waitFor();
  await page.keyboard.press('F5');
  await page.waitForLoadState('load');
  await assertStillKiosk(page, kiosk, 'F5');

  // A wrong PIN is refused; Escape closes the prompt; the right PIN ends the kiosk.
  await byTestId(page, 'kiosk-staff').click();
  assert.equal(await byTestId(page, 'kiosk-collected').innerText(), `2 answers collected in the wave ${WAVE} since the kiosk started.`);
  await kiosk.leave('1111');
  await byTestId(page, 'kiosk-pin-error').filter({ hasText: 'Wrong PIN. 4 tries left' }).waitFor();
  await screenshot(page, 'kiosk-staff-wrong-pin');
  await assertStillKiosk(page, kiosk, 'wrong PIN');
  await page.keyboard.press('Escape');
  await byTestId(page, 'kiosk-staff-dialog').waitFor({ state: 'detached' });
  await assertStillKiosk(page, kiosk, 'prompt closed');
  await kiosk.leave(PIN);
  await byTestId(page, 'wave-table').waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#/p/${PROJECT}/data`);
  assert.equal(await page.evaluate(() => localStorage.getItem('gaplens/pref/kiosk')), null, 'the session is gone');
  assert.deepEqual(await page.evaluate(() => window.__kioskLeaks), []);

  // The two answers: customer responses of the new wave, segment collected=kiosk.
  const waveRow = byTestId(page, 'wave-row').filter({ hasText: WAVE });
  assert.match(await waveRow.innerText(), new RegExp(`${WAVE}\\s+2\\s+0`));
  await byTestId(page, 'responses-filter-wave').selectOption(WAVE);
  const rows = byTestId(page, 'response-row');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="response-row"]').length === 2);
  for (const row of await rows.all()) {
    assert.match(await row.getAttribute('data-id'), new RegExp(`^K-${WAVE}-[0-9a-z]+-[0-9a-z]{4}$`));
    assert.equal(await row.getByTestId('response-wave').innerText(), WAVE);
    assert.equal(await row.getByTestId('response-segments').innerText(), 'collected=kiosk');
    assert.equal(await row.getByTestId('response-source').innerText(), 'customer');
  }
  const answered = (await rows.getByTestId('response-answered').allInnerTexts()).sort();
  assert.deepEqual(answered, ['2', '2']);
  const nps = (await rows.getByTestId('response-nps').allInnerTexts()).sort();
  assert.deepEqual(nps, ['3', '9']);
  // The half-given answer of a third respondent was not sent, so it is not stored.
  assert.equal(await rows.count(), 2);
  await assertClean(recorder, page);
});

test('five wrong PINs lock the exit, also after a reload; the kiosk fits a phone with 48 px targets', T, async (t) => {
  const app = await openApp({ dir: DIST, path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await openDemoData(page);
  await startKiosk(page, { extras: [] });
  const kiosk = new Kiosk(page);
  assert.equal(await byTestId(page, 'kiosk-nps').count(), 1, 'NPS is asked by default');
  assert.equal(await byTestId(page, 'kiosk-csat').count(), 0, 'CSAT only when chosen');

  for (const left of [4, 3, 2, 1]) {
    await kiosk.leave('0000');
    const text = left === 1 ? 'Wrong PIN. 1 try left' : `Wrong PIN. ${left} tries left`;
    await byTestId(page, 'kiosk-pin-error').filter({ hasText: text }).waitFor();
  }
  await kiosk.leave('0000');
  await byTestId(page, 'kiosk-pin-error').filter({ hasText: 'Too many wrong PINs. Try again in 30 seconds.' }).waitFor();
  await kiosk.leave(PIN);
  await byTestId(page, 'kiosk-pin-error').filter({ hasText: 'Too many wrong PINs' }).waitFor();
  await page.reload();
  await kiosk.form().waitFor();
  await kiosk.leave(PIN);
  await byTestId(page, 'kiosk-pin-error').filter({ hasText: 'Too many wrong PINs' }).waitFor();
  await assertStillKiosk(page, kiosk, 'locked');
  await byTestId(page, 'kiosk-pin-cancel').click();

  // A phone: nothing scrolls sideways, every answer button is at least 48 px each way.
  await page.setViewportSize({ width: 390, height: 844 });
  await kiosk.rate('e', 'TAN1', 6);
  await kiosk.rate('p', 'TAN1', 3);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the kiosk is ${wide}px wide on a 390px phone`);
  const sizes = await page.locator('.kiosk-face').evaluateAll((faces) => faces.map((f) => f.getBoundingClientRect()));
  const smallest = sizes.reduce((m, r) => ({ w: Math.min(m.w, r.width), h: Math.min(m.h, r.height) }), { w: 1e9, h: 1e9 });
  assert.ok(smallest.w >= 48 && smallest.h >= 48, `smallest answer button ${smallest.w}×${smallest.h}px`);
  const staff = await byTestId(page, 'kiosk-staff').boundingBox();
  assert.ok(staff.width >= 44 && staff.height >= 44, 'the Staff button is still a usable target');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'kiosk-phone');
  await assertClean(recorder, page);
});

test('the kiosk works offline: answers sent with the network off are stored, and a reload offline resumes it', T, async (t) => {
  const app = await openApp({ dir: DIST, path: '/' });
  t.after(app.close);
  const { page, context, recorder } = app;
  await openDemoData(page);
  // The service worker has taken the page and cached the build.
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 60_000 });
  await startKiosk(page, { wave: 'Offline wave', extras: [] });
  const kiosk = new Kiosk(page);

  await context.setOffline(true);
  recorder.clear();
  await kiosk.rate('e', 'RES1', 5);
  await kiosk.rate('p', 'RES1', 2);
  await kiosk.send();
  await kiosk.thanks().waitFor();
  await page.reload();
  await kiosk.form().waitFor();
  assert.equal(await page.evaluate(() => location.hash), KIOSK_HASH, 'the kiosk resumed offline');
  await kiosk.rate('p', 'ASS2', 6);
  await kiosk.send();
  await kiosk.thanks().waitFor();
  await byTestId(page, 'kiosk-staff').click();
  assert.match(await byTestId(page, 'kiosk-collected').innerText(), /^2 answers collected in the wave Offline wave/);
  await kiosk.leave(PIN);
  await byTestId(page, 'wave-table').waitFor();
  assert.match(await byTestId(page, 'wave-row').filter({ hasText: 'Offline wave' }).innerText(), /Offline wave\s+2\s+0/);
  await context.setOffline(false);
  await assertClean(recorder, page);
});
