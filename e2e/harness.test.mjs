// Negative controls for the harness: each test provokes one kind of offence
// on the fixture site (e2e/fixtures/site/) and checks that assertClean() names
// it. Run: node --test e2e/harness.test.mjs
import assert, { AssertionError } from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { assertClean, byTestId, openApp, screenshot } from './harness.mjs';

const FIXTURE = 'e2e/fixtures/site';
const FOREIGN_IMG = 'https://gaplens-negative-control.invalid/x.png';
const T = { timeout: 60_000 };

/** openApp on the fixture; the browser and server are closed even if the test fails. */
async function open(t, path = '/') {
  const app = await openApp({ dir: FIXTURE, path });
  t.after(() => app.close());
  if (path === '/') await byTestId(app.page, 'status').waitFor({ timeout: 10_000 });
  return app;
}

async function rejectsWith(promise, pattern) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof AssertionError, `expected an AssertionError, got ${err}`);
    assert.match(err.message, pattern);
    return true;
  });
}

test('(a) a clean page passes assertClean', T, async (t) => {
  const { page, recorder, origin } = await open(t);
  assert.equal(await byTestId(page, 'status').textContent(), 'ready', 'the same-origin script ran');
  await assertClean(recorder, page);

  const urls = recorder.requests.map((r) => r.url);
  assert.ok(urls.includes(`${origin}/`), 'the document request is recorded');
  assert.ok(urls.includes(`${origin}/app.js`), 'the script request is recorded');
  assert.equal(recorder.requests.find((r) => r.url === `${origin}/app.js`).resourceType, 'script');
  assert.deepEqual(recorder.blocked, []);
  assert.deepEqual(recorder.cspViolations, []);

  const shot = await screenshot(page, 'harness-fixture');
  assert.ok(existsSync(shot), `screenshot written to ${shot}`);
});

test('(b) a cross-origin image is blocked by the CSP, and assertClean names its URL', T, async (t) => {
  const { page, recorder } = await open(t);
  await page.evaluate((src) => {
    const img = document.createElement('img');
    img.src = src;
    document.body.append(img);
  }, FOREIGN_IMG);
  await rejectsWith(assertClean(recorder, page), new RegExp(FOREIGN_IMG.replace(/[.]/g, '\\.')));
  await rejectsWith(assertClean(recorder, page), /CSP violation: img-src/);
  // Chromium reports the CSP-blocked load as a request that failed with
  // 'csp' before it was sent; the harness's route never even saw it.
  const attempts = recorder.requests.filter((r) => r.url === FOREIGN_IMG);
  for (const r of attempts) {
    const failure = recorder.failed.find((f) => f.url === r.url);
    assert.ok(
      failure?.errorText === 'csp' || recorder.blocked.some((b) => b.url === r.url),
      `${r.url} was stopped inside the browser (failure: ${failure?.errorText})`,
    );
  }
  await rejectsWith(assertClean(recorder, page), /request to another origin: GET \S+ \[image\] \(blocked by the CSP\)/);
});

test('(b) without a CSP the cross-origin request reaches the route, is aborted, and assertClean names it', T, async (t) => {
  const { page, recorder } = await open(t, '/no-csp.html');
  const failed = page.waitForEvent('requestfailed', (r) => r.url() === FOREIGN_IMG);
  await page.evaluate((src) => {
    const img = document.createElement('img');
    img.src = src;
    document.body.append(img);
  }, FOREIGN_IMG);
  const request = await failed;
  // ERR_BLOCKED_BY_CLIENT is what route.abort('blockedbyclient') produces:
  // the request was stopped inside the browser, before any DNS or socket.
  // (Chromium reports it as net::ERR_BLOCKED_BY_CLIENT.Inspector: blocked by the DevTools client.)
  assert.match(request.failure()?.errorText ?? '', /^net::ERR_BLOCKED_BY_CLIENT/);
  assert.deepEqual(
    recorder.blocked.map((b) => b.url),
    [FOREIGN_IMG],
  );
  assert.deepEqual(recorder.cspViolations, [], 'no CSP on this page, so only the route stopped it');
  await rejectsWith(
    assertClean(recorder, page),
    new RegExp(`request to another origin: GET ${FOREIGN_IMG.replace(/[.]/g, '\\.')} \\[image\\] \\(aborted by the harness\\)`),
  );

  // fetch() to another origin is caught the same way.
  const fetched = await page.evaluate(() =>
    fetch('https://gaplens-negative-control.invalid/beacon', { method: 'POST', body: 'x' }).then(
      () => 'sent',
      (e) => `rejected: ${e.message}`,
    ),
  );
  assert.match(fetched, /^rejected/);
  assert.ok(recorder.blocked.some((b) => b.url === 'https://gaplens-negative-control.invalid/beacon' && b.method === 'POST'));
});

test('(c) an injected inline script is blocked by the CSP and assertClean reports the violation', T, async (t) => {
  const { page, recorder } = await open(t);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.body.append(s);
  });
  await page.waitForFunction(() => window.__gaplensCspViolations.length > 0, null, { timeout: 5_000 });
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined, 'the inline script did not run');
  await rejectsWith(assertClean(recorder, page), /CSP violation: script-src/);

  // The violation is kept even after the page navigates away.
  const before = recorder.cspViolations.filter((v) => v.source === 'event').length;
  await page.reload();
  await recorder.collect(page);
  assert.equal(recorder.cspViolations.filter((v) => v.source === 'event').length, before);
  assert.ok(before >= 1);
});

test('(d) console.error makes assertClean throw', T, async (t) => {
  const { page, recorder } = await open(t);
  await page.evaluate(() => console.error('negative control: console.error'));
  await rejectsWith(assertClean(recorder, page), /console error: negative control: console\.error/);
});

test('(e) a cookie makes assertClean throw', T, async (t) => {
  const { page, recorder } = await open(t);
  await page.evaluate(() => {
    document.cookie = 'a=b';
  });
  await rejectsWith(assertClean(recorder, page), /cookie: a=b/);
});

test('a Rust panic message in the console makes assertClean throw', T, async (t) => {
  const { page, recorder } = await open(t);
  await page.evaluate(() => console.log("panicked at src/lib.rs:1:1:\nnegative control"));
  await rejectsWith(assertClean(recorder, page), /Rust panic in console\.log: panicked at src\/lib\.rs/);
});

test('an uncaught page error makes assertClean throw', T, async (t) => {
  const { page, recorder } = await open(t);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('negative control: uncaught');
    }, 0);
  });
  await rejectsWith(assertClean(recorder, page), /page error: negative control: uncaught/);
});
