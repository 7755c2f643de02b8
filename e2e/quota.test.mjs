// A full local storage: another app on the same origin fills it, then the user imports a
// file. The user is told in words that storage is full and what to do, and the stored
// project is byte for byte what it was. With room again, the same import goes through.
//
//   GAPLENS_DIST=/tmp/<you>-dist node --test e2e/quota.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage, DataPage, fixture } from './app.pages.mjs';

/** Everything under gaplens/, verbatim. */
function gaplensKeys(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('gaplens/')).sort().map((k) => [k, localStorage.getItem(k)])));
}

test('an import into a full storage is refused in words and changes nothing', async (t) => {
  const app = await openApp({ dir: process.env.GAPLENS_DIST || 'dist', path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  await new ProjectsPage(page).open('Hotel Fjordgården (demo)');
  const data = new DataPage(page);
  await data.goto();
  const customersBefore = await data.totalCustomers().innerText();
  const before = await gaplensKeys(page);
  assert.ok(before['gaplens/project/demo-hotel'], 'the demo is stored');

  // A misbehaving app on the same origin fills local storage to the last character.
  const filled = await page.evaluate(() => {
    let n = 0;
    let total = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`other-app/${n}`, chunk); n += 1; total += size; } catch (e) {
          if (e.name !== 'QuotaExceededError') throw e;
          break;
        }
      }
    }
    return total;
  });
  console.log(`the other app stored ${filled} characters`);

  await data.import(fixture('good.csv'), { defaultWave: '2026 Q9' });
  const notice = byTestId(page, 'notice');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /storage for this page is full, so the change was not saved/);
  assert.match(text, /Your previous data is unchanged/);
  assert.match(text, /Delete a project or an old wave you no longer need/);
  assert.match(text, /clear this site's other stored data in the browser's settings/);
  assert.equal(await byTestId(page, 'import-result').count(), 0, 'no success is claimed');
  assert.deepEqual(await gaplensKeys(page), before, 'every stored byte is as before');
  assert.equal(await data.totalCustomers().innerText(), customersBefore);
  await screenshot(page, 'quota-full');

  // After a reload the page shows the same data, then with room again the import works.
  await page.reload();
  await byTestId(page, 'import-file').waitFor();
  assert.equal(await data.totalCustomers().innerText(), customersBefore);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('other-app/')).forEach((k) => localStorage.removeItem(k)));
  await data.import(fixture('good.csv'), { defaultWave: '2026 Q9' });
  await data.result().waitFor();
  assert.match(await data.result().innerText(), /imported 86 responses/);
  await assertClean(recorder, page);
});
