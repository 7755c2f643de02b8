// The interface language: chosen in Settings, kept over reloads, and on a first visit taken
// from the browser's own language. Every test ends with assertClean: the language packs come
// from our own origin, nothing else is asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, attachRecorder, assertClean, byTestId, screenshot } from './harness.mjs';

/** The `lang` attribute of `<html>`. */
const htmlLang = (page) => page.evaluate(() => document.documentElement.getAttribute('lang'));

/** Opens the demo project's Dashboard and returns its perception gap as shown. */
async function perceptionGap(page) {
  await page.evaluate(() => { location.hash = '#/p/demo-hotel/dashboard'; });
  const value = byTestId(page, 'gap-value-perception');
  await value.waitFor();
  return (await value.textContent()).trim();
}

test('choosing Svenska in Settings reloads the page in Swedish, with decimal commas, and it stays', async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  assert.equal(await htmlLang(page), 'en', 'a fresh (English) browser starts in English');
  assert.match(await perceptionGap(page), /^−?\d+\.\d\d$/, 'English writes a decimal point');

  await byTestId(page, 'nav-settings').click();
  const chooser = byTestId(page, 'settings-language');
  await chooser.waitFor();
  assert.equal(await chooser.inputValue(), 'en');
  const options = await chooser.locator('option').allTextContents();
  assert.deepEqual(options, ['English', 'Svenska', 'Dansk', 'Norsk (bokmål)', 'Suomi']);

  await Promise.all([page.waitForEvent('load'), chooser.selectOption('sv')]);
  await byTestId(page, 'settings-language').waitFor();
  assert.equal(await htmlLang(page), 'sv');
  assert.equal(await byTestId(page, 'settings-language').inputValue(), 'sv', 'the choice is shown as chosen');
  assert.equal((await byTestId(page, 'nav-settings').textContent()).trim(), 'Inställningar');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Inställningar');
  assert.equal((await page.locator('#language-heading').textContent()).trim(), 'Språk');
  await screenshot(page, 'settings-sv');

  const gap = await perceptionGap(page);
  assert.match(gap, /^−?\d+,\d\d$/, `Swedish writes a decimal comma: ${gap}`);
  assert.equal((await byTestId(page, 'nav-dashboard').textContent()).trim(), 'Översikt');
  await screenshot(page, 'dashboard-sv');

  await page.reload();
  await byTestId(page, 'gap-value-perception').waitFor();
  assert.equal(await htmlLang(page), 'sv', 'the choice survives a reload');
  assert.equal((await byTestId(page, 'nav-settings').textContent()).trim(), 'Inställningar');
  assert.equal(await perceptionGap(page), gap);

  const packs = recorder.requests.filter((r) => /\/i18n-sv-[0-9a-f]+\.json$/.test(r.url));
  assert.ok(packs.length >= 1, 'the Swedish pack comes from our own origin');
  await assertClean(recorder, page);
});

test('a browser set to Finnish opens Gaplens in Finnish on its first visit', async (t) => {
  const app = await openApp();
  t.after(app.close);
  const context = await app.browser.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 800 } });
  const recorder = await attachRecorder(context, app.origin);
  const page = await context.newPage();
  await page.goto(app.url);
  await byTestId(page, 'project-row').first().waitFor();
  assert.equal(await htmlLang(page), 'fi');
  assert.equal((await byTestId(page, 'nav-settings').textContent()).trim(), 'Asetukset');
  assert.match(await perceptionGap(page), /^−?\d+,\d\d$/, 'Finnish writes a decimal comma');

  await byTestId(page, 'nav-settings').click();
  assert.equal(await byTestId(page, 'settings-language').inputValue(), 'fi', 'Settings shows the language in use');
  await assertClean(recorder, page);
});
