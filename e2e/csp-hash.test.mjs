// Tests for scripts/csp-hash.mjs (the Trunk post_build hook).
// Run: node --test e2e/csp-hash.test.mjs
// The last two tests load the result in Chromium: the browser itself is the
// judge of whether the hashes are right.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { applyCspHashes, cspHash, findCspMetas, findInlineScripts, TOKEN } from '../scripts/csp-hash.mjs';
import { assertClean, openApp } from './harness.mjs';

const SCRIPT = fileURLToPath(new URL('../scripts/csp-hash.mjs', import.meta.url));

// Shaped like Trunk's output: a modulepreload, the injected inline module
// loader, plus the awkward cases (CRLF, non-ASCII, upper case tag, a script
// with src, a <script> inside a comment).
const LOADER = `
import init from '/loader-target.js';
const wasm = await init('/app_bg.wasm');
window.__loaderRan = wasm;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
`;
const CRLF_SCRIPT = '\r\n  window.__second = "Gaplens \u2013 \u00fcn\u00efc\u00f6d\u00e9 \u{1F50D}";\r\n';
const UPPER_SCRIPT = 'window.__third = 3;';

const SAMPLE = `<!DOCTYPE html><html><head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${TOKEN} 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'">
<title>sample</title>
<link rel="modulepreload" href="/loader-target.js" crossorigin="anonymous">
<!-- <script>window.__commented = true;</script> -->
<script src="/external.js"></script>
<script>${CRLF_SCRIPT}</script>
</head><body>
<p id="x">sample</p>
<SCRIPT type="text/javascript">${UPPER_SCRIPT}</SCRIPT>
<script type="module">${LOADER}</script></body></html>
`;

const SITE_FILES = {
  'loader-target.js': 'export default async function init(path) { return `init(${path})`; }\n',
  'external.js': 'window.__external = true;\n',
};

function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'csp-hash-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(args, env = {}) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TRUNK_STAGING_DIR: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cspOf(html) {
  const metas = findCspMetas(html);
  assert.equal(metas.length, 1);
  return metas[0].content;
}

test('cspHash matches the CSP spec example and normalises newlines like the HTML parser', () => {
  // The example of MDN's CSP script-src page.
  assert.equal(cspHash("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  assert.equal(cspHash('a\r\nb\rc'), cspHash('a\nb\nc'));
  assert.notEqual(cspHash('a'), cspHash('a\n'));
});

test('findInlineScripts finds the inline scripts only, with their exact text', () => {
  const texts = findInlineScripts(SAMPLE).map((s) => s.text);
  assert.deepEqual(texts, [CRLF_SCRIPT, UPPER_SCRIPT, LOADER]);
});

test('the hook replaces the token via TRUNK_STAGING_DIR and changes nothing else', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'index.html'), SAMPLE);
  const r = run([], { TRUNK_STAGING_DIR: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /-> 'sha256-/);

  const out = readFileSync(join(dir, 'index.html'), 'utf8');
  const expected = [CRLF_SCRIPT, UPPER_SCRIPT, LOADER].map(cspHash);
  assert.equal(
    cspOf(out),
    `default-src 'self'; script-src 'self' ${expected.join(' ')} 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'`,
  );
  assert.ok(!out.includes('TRUNK-INLINE-LOADER'));
  // Outside the attribute the file is byte-for-byte the same.
  assert.equal(out.replace(expected.join(' '), TOKEN), SAMPLE);
});

test('a second run reports "already done" and leaves the file alone', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'index.html');
  writeFileSync(file, SAMPLE);
  assert.equal(run([file]).code, 0);
  const once = readFileSync(file, 'utf8');
  const r = run([file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /already done/);
  assert.equal(readFileSync(file, 'utf8'), once);
});

test('a second run fails when an inline script changed after hashing', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'index.html');
  writeFileSync(file, SAMPLE);
  assert.equal(run([dir]).code, 0, 'a directory argument works too');
  writeFileSync(file, readFileSync(file, 'utf8').replace('window.__third = 3;', 'window.__third = 4;'));
  const r = run([file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no 'sha256-TRUNK-INLINE-LOADER' token and does not allow 1 inline script/);
  assert.ok(r.stderr.includes(cspHash('window.__third = 4;')));
});

test('missing token or missing CSP meta exits non-zero with a clear message', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'index.html');

  writeFileSync(file, SAMPLE.replace(` ${TOKEN}`, ''));
  let r = run([file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /csp-hash: error: .*index\.html: the CSP <meta> has no 'sha256-TRUNK-INLINE-LOADER' token/);

  writeFileSync(file, '<!doctype html><script>1</script>');
  r = run([file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no <meta http-equiv="Content-Security-Policy"/);

  r = run([]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /set TRUNK_STAGING_DIR/);

  r = run([join(dir, 'nope.html')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /does not exist/);
});

test('attribute order, unquoted values and character references in the meta are handled', () => {
  const html =
    "<meta content=\"script-src &#39;self&#39; &#39;sha256-TRUNK-INLINE-LOADER&#39;\" HTTP-EQUIV=content-security-policy>" +
    '<script type=module>go()</script>';
  const r = applyCspHashes(html);
  assert.equal(r.status, 'replaced');
  assert.equal(cspOf(r.html), `script-src 'self' ${cspHash('go()')}`);
  assert.equal(applyCspHashes(r.html).status, 'already-done');
});

test('without any inline script the token is just removed', () => {
  const html = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' ${TOKEN}; img-src 'self'"><script src="a.js"></script>`;
  const r = applyCspHashes(html);
  assert.deepEqual(r.hashes, []);
  assert.equal(cspOf(r.html), "script-src 'self'; img-src 'self'");
});

async function serveSample(t, html) {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'index.html'), html);
  for (const [name, body] of Object.entries(SITE_FILES)) writeFileSync(join(dir, name), body);
  const app = await openApp({ dir, path: '/' });
  t.after(() => app.close());
  return app;
}

test('in Chromium, the hashed page runs every inline script with no CSP violation', { timeout: 60_000 }, async (t) => {
  const { html } = applyCspHashes(SAMPLE);
  const { page, recorder } = await serveSample(t, html);
  await page.waitForFunction(() => window.__loaderRan !== undefined, null, { timeout: 10_000 });
  assert.deepEqual(
    await page.evaluate(() => [window.__loaderRan, window.__second, window.__third, window.__external, window.__commented]),
    ['init(/app_bg.wasm)', 'Gaplens \u2013 \u00fcn\u00efc\u00f6d\u00e9 \u{1F50D}', 3, true, undefined],
  );
  await assertClean(recorder, page);
});

test('control: in Chromium, the unhashed page has its inline scripts blocked', { timeout: 60_000 }, async (t) => {
  const { page, recorder } = await serveSample(t, SAMPLE);
  await page.waitForFunction(() => window.__gaplensCspViolations?.length >= 3, null, { timeout: 10_000 });
  assert.deepEqual(await page.evaluate(() => [window.__loaderRan, window.__second, window.__third]), [undefined, undefined, undefined]);
  await assert.rejects(assertClean(recorder, page), /CSP violation: script-src/);
});
