// Keyboard only (issue 7): create a project, import a file, read the analysis and export the
// results with Tab, Shift+Tab, Enter, Space and typing; no click anywhere. The file chooser that
// the keyboard opens is answered through Playwright's 'filechooser' event, as a person would
// pick the file. At every stop the focus must be visible: the element matches :focus-visible
// and has an outline.
//
// Run: GAPLENS_DIST=/tmp/dist-x node --test e2e/keyboard.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { fixture } from './app.pages.mjs';

/** What has the focus: its data-testid, a readable description, and whether the focus shows. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const label = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('href') || '').trim();
    return {
      testid: el.getAttribute('data-testid'),
      describe: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}> ${JSON.stringify(label.slice(0, 50))}`,
      visible: el.matches(':focus-visible') && outline,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    };
  });
}

/** Presses `key` until the element with data-testid `testid` has the focus, checking every stop. */
async function moveTo(page, testid, { key = 'Tab', max = 120 } = {}) {
  const path = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (!now) continue;
    path.push(now.describe);
    assert.ok(now.visible, `the focus is not visible on ${now.describe} (outline: ${now.outline})`);
    if (now.testid === testid) return now;
  }
  throw new Error(`${key} ${max} times did not reach [data-testid="${testid}"]; the focus went through:\n  ${path.join('\n  ')}`);
}

test('create a project, import a file, read the analysis and export it with the keyboard only', { timeout: 180_000 }, async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();

  // The first Tab reaches the skip link; Enter moves the focus to the page's content.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.match(skip.describe, /skip-link/, `the first stop is the skip link, not ${skip.describe}`);
  assert.ok(skip.visible, 'the skip link shows its focus');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.equal(new URL(page.url()).hash, '', 'the skip link does not change the page (the hash is the route)');
  assert.ok(await byTestId(page, 'project-row').first().isVisible(), 'still on the Projects page');

  // Create a project: type its name, submit with Enter on the button.
  await moveTo(page, 'new-project-name');
  await page.keyboard.type('Keyboard Kafé');
  await moveTo(page, 'create-project');
  await page.keyboard.press('Enter');
  await byTestId(page, 'current-project').filter({ hasText: 'Keyboard Kafé' }).waitFor();

  // To the project's Data tab.
  await moveTo(page, 'nav-data');
  await page.keyboard.press('Enter');
  await byTestId(page, 'import-file').waitFor();

  // Import: the wave for rows without one is typed; Space on the file field opens the chooser.
  await moveTo(page, 'import-default-wave');
  await page.keyboard.type('2026 Q1');
  await moveTo(page, 'import-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(fixture('good.csv'));
  await byTestId(page, 'import-result').waitFor();
  assert.match(await byTestId(page, 'import-result').innerText(), /imported 86 responses/);

  // Back up to the project tabs with Shift+Tab, open Analysis with Enter.
  await moveTo(page, 'nav-analysis', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await byTestId(page, 'analysis-table').waitFor();
  await page.waitForURL(/#\/p\/[^/]+\/analysis$/);
  const rel4 = page.locator('[data-testid="item-row"][data-code="REL1"]');
  assert.match(await rel4.innerText(), /\d/, 'the analysis shows figures for REL1');

  // Export: Tab forward through the page to the download button and press Enter.
  await moveTo(page, 'download-results', { max: 200 });
  await screenshot(page, 'keyboard-download-focused');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const results = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(results && typeof results === 'object', 'the results file is JSON');
  assert.match(JSON.stringify(results), /REL1/);
  await assertClean(recorder, page);
});
