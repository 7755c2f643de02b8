// Offline (issue 7): the web app manifest and the service worker (scripts/sw-build.mjs,
// src/ui/offline.rs). After one visit the app loads and works with the network off: stored
// projects, the Analysis charts (ECharts is precached though it loads on demand) and the
// language packs. A new deployment shows an update banner; the page reloads into the new
// version only when the user presses Reload, and no project is lost. No request ever goes to
// another origin and the CSP holds (assertClean).
//
// Run against a release build: GAPLENS_DIST=/tmp/dist-x node --test e2e/offline.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { openApp, assertClean, byTestId, screenshot, REPO_ROOT } from './harness.mjs';
import { ProjectsPage } from './app.pages.mjs';
import { ChartsSection, CHART_SLUGS } from './charts.pages.mjs';
import {
  buildManifest, buildOffline, buildVersion, listFiles, pendingWork, serviceWorker, waitForOtherHooks, SW_NAME,
} from '../scripts/sw-build.mjs';

const DIST = (() => {
  const dir = process.env.GAPLENS_DIST || 'dist';
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
})();
const T = { timeout: 180_000 };

function tempDir(t, prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Replaces everything in `target` by a copy of `source` (a deployment). */
function deploy(source, target) {
  for (const name of readdirSync(target)) rmSync(join(target, name), { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
}

/** Waits until a service worker controls the page and has precached the build. */
async function waitForOffline(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('gaplens '));
    const cache = await caches.open(names[0]);
    return { caches: names, urls: (await cache.keys()).map((r) => r.url) };
  });
}

// ---- The build step (no browser) ----

const HTML_DONE = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'sha256-abc'">
<meta name="gaplens-echarts" content="./echarts-0123456789ab.js"><meta name="gaplens-i18n" content="sv=./i18n-sv-0123456789ab.json">`;

test('pendingWork names what the other post_build hooks still have to write', () => {
  const files = ['index.html', 'echarts-0123456789ab.js', 'i18n-sv-0123456789ab.json'];
  assert.deepEqual(pendingWork(HTML_DONE, files), []);
  const fresh = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'sha256-TRUNK-INLINE-LOADER'">
<meta name="gaplens-echarts" content="./echarts.js"><meta name="gaplens-i18n" content="">`;
  const pending = pendingWork(fresh, ['index.html']);
  assert.equal(pending.length, 3);
  assert.match(pending.join('\n'), /csp-hash\.mjs[^\n]*\n[^\n]*echarts-build\.mjs[^\n]*\n[^\n]*i18n-build\.mjs/);
  assert.equal(pendingWork(HTML_DONE, ['index.html']).length, 2, 'named files must exist');
  assert.deepEqual(pendingWork('<title>no markers</title>', []), [], 'a marker that is not there is not waited for');
});

test('waitForOtherHooks waits for the markers, and times out with what is missing', async (t) => {
  const dir = tempDir(t, 'sw-wait-');
  writeFileSync(join(dir, 'index.html'), HTML_DONE.replace("'sha256-abc'", "'sha256-TRUNK-INLINE-LOADER'"));
  writeFileSync(join(dir, 'echarts-0123456789ab.js'), 'x');
  writeFileSync(join(dir, 'i18n-sv-0123456789ab.json'), '{}');
  await assert.rejects(waitForOtherHooks(dir, { timeoutMs: 300, pollMs: 20 }), /within 0\.3 s: scripts\/csp-hash\.mjs/);
  const waiting = waitForOtherHooks(dir, { timeoutMs: 5000, pollMs: 20 });
  setTimeout(() => writeFileSync(join(dir, 'index.html'), HTML_DONE), 200);
  await waiting;
});

test('sw.js precaches every file under a version hashed from all of them, and names no other origin', async (t) => {
  const dir = tempDir(t, 'sw-build-');
  mkdirSync(join(dir, 'snippets', 'x'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'app-0123456789abcdef_bg.wasm'), 'wasm');
  writeFileSync(join(dir, 'snippets', 'x', 'inline0.js'), 'export {}');
  writeFileSync(join(dir, '.hidden'), 'no');
  const first = await buildOffline(dir);
  const sw = readFileSync(join(dir, SW_NAME), 'utf8');
  const files = await listFiles(dir);
  assert.ok(!files.includes(SW_NAME) && !files.includes('.hidden'));
  assert.deepEqual(first.files, files);
  for (const f of files) assert.ok(sw.includes(JSON.stringify(`./${f}`)), `${f} is precached`);
  assert.ok(files.includes('manifest.webmanifest') && files.some((f) => /^icon-192-[0-9a-f]{12}\.png$/.test(f)));
  assert.ok(!/https?:\/\//.test(sw), 'no absolute address in the worker');
  assert.ok(!/skipWaiting\(\)/.test(sw.split("'gaplens-activate-update'")[0]), 'skipWaiting only on the page\'s message');

  // Same content, same version; any change, a new version.
  assert.equal((await buildOffline(dir)).version, first.version);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t2</title>');
  assert.notEqual((await buildOffline(dir)).version, first.version);
  assert.equal(buildVersion([{ path: 'a', content: 'x' }]), buildVersion([{ path: 'a', content: 'x' }]));
  assert.notEqual(buildVersion([{ path: 'a', content: 'x' }]), buildVersion([{ path: 'b', content: 'x' }]));
  assert.match(serviceWorker('v1', ['a.js']), /const VERSION = "v1";/);
});

test('the manifest names the hashed icons, starts at ./ and is linked from index.html', async () => {
  const source = JSON.parse(readFileSync(join(REPO_ROOT, 'assets', 'manifest.webmanifest'), 'utf8'));
  const { text, icons } = await buildManifest(source, async (name) => readFileSync(join(REPO_ROOT, 'assets', name)));
  const manifest = JSON.parse(text);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.theme_color && manifest.background_color && manifest.name);
  assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512']);
  assert.deepEqual(manifest.icons.map((i) => i.src), icons.map((i) => `./${i.name}`));
  await assert.rejects(buildManifest({ icons: [{ src: '../x.png' }] }, async () => Buffer.alloc(1)), /must be a file name/);

  const built = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(built, /<link rel="manifest" href="manifest\.webmanifest">/);
  assert.match(built, /worker-src 'self'/);
  const inDist = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  for (const icon of inDist.icons) assert.ok(readdirSync(DIST).includes(icon.src.replace('./', '')), `${icon.src} is in the build`);
});

// ---- In the browser ----

test('after one visit the app loads and works with the network off: projects, charts, language packs', T, async (t) => {
  const site = tempDir(t, 'offline-site-');
  deploy(DIST, site);
  const app = await openApp({ dir: site, path: '/' });
  t.after(app.close);
  const { page, context, recorder } = app;
  const projects = new ProjectsPage(page);
  await projects.rows().first().waitFor();
  await projects.create('Offline bistro');

  const stored = await waitForOffline(page);
  assert.equal(stored.caches.length, 1, 'one cache for this version');
  const expected = (await listFiles(site)).map((f) => new URL(f, app.url).href);
  assert.deepEqual([...stored.urls].sort(), [...expected].sort(), 'every file of the build is precached');
  assert.ok(expected.some((u) => /\/echarts-[0-9a-f]{12}\.js$/.test(u)) && expected.some((u) => /\/i18n-fi-[0-9a-f]{12}\.json$/.test(u)));

  // The network goes away: the browser is offline and the server is gone.
  await context.setOffline(true);
  await app.server.close();
  recorder.clear();
  await page.reload();
  await projects.goto();
  await projects.row('Offline bistro').waitFor();
  assert.equal(await projects.row('Hotel Fjordgården (demo)').count(), 1);

  const charts = new ChartsSection(page);
  await charts.open();
  for (const slug of CHART_SLUGS) {
    assert.equal(await charts.chart(slug).getAttribute('data-state'), 'drawn', `${slug} is drawn offline`);
  }
  await screenshot(page, 'offline-analysis');

  // A language pack, fetched for the first time with the network off.
  await page.goto(new URL('#/settings', app.url).href);
  await byTestId(page, 'settings-language').selectOption('fi');
  await page.waitForFunction(() => document.documentElement.lang === 'fi');
  await byTestId(page, 'settings-language').waitFor();
  assert.equal(await byTestId(page, 'notice').count(), 0, 'no "language could not be loaded" notice');
  assert.equal(await byTestId(page, 'update-banner').count(), 0);
  await assertClean(recorder, page);
});

test('a new deployment shows the update banner; the page reloads into it only when the user agrees; projects are kept', T, async (t) => {
  const site = tempDir(t, 'update-site-');
  const buildB = tempDir(t, 'update-b-');
  deploy(DIST, site);
  // Build B: the same app with a marker in index.html, so its worker has a new version.
  deploy(DIST, buildB);
  const indexB = join(buildB, 'index.html');
  writeFileSync(indexB, readFileSync(indexB, 'utf8').replace('<title>', '<meta name="gaplens-test-build" content="B">\n  <title>'));
  const versionA = /const VERSION = "([0-9a-f]+)"/.exec(readFileSync(join(site, SW_NAME), 'utf8'))[1];
  const versionB = (await buildOffline(buildB)).version;
  assert.notEqual(versionB, versionA);

  const app = await openApp({ dir: site, path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  const projects = new ProjectsPage(page);
  await projects.rows().first().waitFor();
  await projects.create('Kept across the update');
  await waitForOffline(page);
  assert.equal(await byTestId(page, 'update-banner').count(), 0, 'no banner on a first visit');
  const isBuildB = () => page.locator('meta[name="gaplens-test-build"]').count().then((n) => n === 1);

  deploy(buildB, site);
  await page.evaluate(() => { window.__sameDocument = true; });
  // The browser looks for a new worker when asked (and on every navigation).
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await byTestId(page, 'update-banner').waitFor({ timeout: 60_000 });
  assert.match(await byTestId(page, 'update-banner').innerText(), /new version/);
  const axe = await new AxeBuilder({ page }).include('.update-area').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.impact} ${v.id}`), [], 'the banner passes axe');
  await screenshot(page, 'offline-update-banner');
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page did not reload by itself');
  assert.equal(await isBuildB(), false);

  // A plain reload keeps the running version until the user agrees, and says so again.
  await page.reload();
  await byTestId(page, 'update-banner').waitFor({ timeout: 60_000 });
  assert.equal(await isBuildB(), false, 'still build A after a plain reload');

  // "Later" hides the banner; nothing reloads.
  await byTestId(page, 'update-later').click();
  await byTestId(page, 'update-banner').waitFor({ state: 'detached' });
  await page.reload();
  await byTestId(page, 'update-banner').waitFor({ timeout: 60_000 });

  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), byTestId(page, 'update-reload').click()]);
  await projects.goto();
  await projects.row('Kept across the update').waitFor();
  assert.equal(await isBuildB(), true, 'the page runs build B');
  assert.equal(await byTestId(page, 'update-banner').count(), 0);
  assert.equal(await projects.row('Hotel Fjordgården (demo)').count(), 1);
  const caches = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('gaplens ')));
  assert.deepEqual(caches.map((n) => n.split(' ').pop()), [versionB], 'the old version\'s cache is gone');
  await assertClean(recorder, page);
});
