// Shared end-to-end harness for `node --test e2e/`.
//
// openApp() serves a directory (dist/ by default) on 127.0.0.1 with
// scripts/serve-dist.mjs, launches Debian's Chromium through playwright-core
// and records everything the privacy promise is about: every request, console
// message, uncaught page error and CSP violation. Requests to any other origin
// are aborted before they reach the network (they are still recorded), and
// assertClean() turns all of it, plus any cookie, into one AssertionError.
//
//   import { test } from 'node:test';
//   import { openApp, assertClean, byTestId } from './harness.mjs';
//
//   test('loads', async (t) => {
//     const app = await openApp({ path: '/' });
//     t.after(() => app.close());            // runs even when the test fails
//     await byTestId(app.page, 'app-root').waitFor();
//     await assertClean(app.recorder, app.page);
//   });

import { AssertionError } from 'node:assert';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve-dist.mjs';

/** Repository root; relative `dir`s given to openApp() are resolved against it. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOT_DIR = join(REPO_ROOT, 'e2e', 'screenshots');

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Safety net under the route-level abort: Chromium resolves no host name
  // except the loopback one, so even traffic that never becomes a routable
  // request (preconnect and DNS-prefetch hints, a test's own route that
  // continues a request) cannot leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]);

const CSP_ARRAY = '__gaplensCspViolations';
const CSP_BINDING = '__gaplensReportCsp';

// Runs in every frame before any page script (it is injected by the
// DevTools protocol, so the page's CSP does not apply to it).
const CSP_INIT_SCRIPT = `(() => {
  if (Object.prototype.hasOwnProperty.call(window, ${JSON.stringify(CSP_ARRAY)})) return;
  const list = [];
  Object.defineProperty(window, ${JSON.stringify(CSP_ARRAY)}, { value: list });
  let n = 0;
  document.addEventListener('securitypolicyviolation', (e) => {
    const v = {
      id: location.href + '#' + performance.timeOrigin + '#' + (n++),
      blockedURI: e.blockedURI,
      violatedDirective: e.violatedDirective,
      effectiveDirective: e.effectiveDirective,
      disposition: e.disposition,
      sourceFile: e.sourceFile,
      lineNumber: e.lineNumber,
      sample: e.sample,
      documentURI: e.documentURI,
    };
    list.push(v);
    try { window[${JSON.stringify(CSP_BINDING)}](v); } catch (_) {}
  }, true);
})();`;

/** data:, blob: and about: URLs never touch the network; anything else must share `origin`. */
export function isAllowedUrl(url, origin) {
  if (/^(data|blob|about):/i.test(url)) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Attaches a recorder to `context`. openApp() does this for you. Fields:
 *   requests       [{ url, method, resourceType }]   every request of the context
 *   blocked        [{ url, method, resourceType }]   cross-origin requests aborted by the route
 *   failed         [{ url, method, resourceType, errorText }]
 *   console        [{ type, text, location, pageUrl }]
 *   pageErrors     [{ message, stack, pageUrl }]
 *   cspViolations  [{ blockedURI, violatedDirective, source, ... }]  source: 'event' | 'console'
 *   websockets     [{ url }]
 *   collect(page)  pulls the in-page CSP violation arrays of every frame of `page`
 *   clear()        forgets everything recorded so far
 */
export async function attachRecorder(context, origin) {
  const seenCsp = new Set();
  const recorder = {
    origin,
    context,
    requests: [],
    blocked: [],
    failed: [],
    console: [],
    pageErrors: [],
    cspViolations: [],
    websockets: [],
    addCspViolation(v, source = 'event') {
      if (v?.id !== undefined) {
        if (seenCsp.has(v.id)) return;
        seenCsp.add(v.id);
      }
      recorder.cspViolations.push({ ...v, source });
    },
    async collect(page) {
      if (!page || page.isClosed()) return recorder;
      for (const frame of page.frames()) {
        const list = await frame.evaluate((key) => (Array.isArray(window[key]) ? [...window[key]] : []), CSP_ARRAY).catch(() => []);
        for (const v of list) recorder.addCspViolation(v, 'event');
      }
      return recorder;
    },
    clear() {
      for (const key of ['requests', 'blocked', 'failed', 'console', 'pageErrors', 'cspViolations', 'websockets']) {
        recorder[key].length = 0;
      }
    },
  };

  const describe = (request) => ({ url: request.url(), method: request.method(), resourceType: request.resourceType() });

  context.on('request', (request) => recorder.requests.push(describe(request)));
  context.on('requestfailed', (request) =>
    recorder.failed.push({ ...describe(request), errorText: request.failure()?.errorText ?? '' }),
  );
  context.on('console', (msg) => {
    const entry = { type: msg.type(), text: msg.text(), location: msg.location(), pageUrl: msg.page()?.url() ?? null };
    recorder.console.push(entry);
    if (/Content Security Policy/i.test(entry.text)) {
      recorder.addCspViolation(
        { blockedURI: extractUrl(entry.text), violatedDirective: extractDirective(entry.text), message: entry.text },
        'console',
      );
    }
  });
  // `weberror` is the context-wide `pageerror`: an uncaught exception or
  // unhandled rejection in any page of the context.
  context.on('weberror', (webError) => {
    const error = webError.error();
    recorder.pageErrors.push({
      message: error?.message ?? String(error),
      stack: error?.stack ?? '',
      pageUrl: webError.page()?.url() ?? null,
    });
  });
  const watchPage = (page) => page.on('websocket', (ws) => recorder.websockets.push({ url: ws.url() }));
  context.on('page', watchPage);
  for (const page of context.pages()) watchPage(page);

  await context.exposeBinding(CSP_BINDING, (_source, v) => recorder.addCspViolation(v, 'event'));
  await context.addInitScript({ content: CSP_INIT_SCRIPT });
  await context.route(
    () => true,
    async (route) => {
      const request = route.request();
      if (isAllowedUrl(request.url(), origin)) {
        await route.fallback();
        return;
      }
      recorder.blocked.push(describe(request));
      await route.abort('blockedbyclient').catch(() => {});
    },
  );
  return recorder;
}

function extractUrl(text) {
  const m = /'((?:https?|wss?|data|blob):[^']*)'/i.exec(text) ?? /\b((?:https?|wss?):\/\/\S+)/i.exec(text);
  return m ? m[1] : null;
}

function extractDirective(text) {
  const m = /directive:?\s*"([^"]+)"/i.exec(text);
  return m ? m[1] : null;
}

/**
 * Serves `dir` (default dist/, relative to the repository root) and opens a
 * fresh Chromium context on it. With `path` the page is navigated there
 * (relative to the origin, e.g. '/'); otherwise it stays on about:blank.
 * Returns { browser, context, page, origin, url, recorder, server, close }.
 * close() is idempotent and closes the browser, then the server.
 */
export async function openApp({ dir = process.env.GAPLENS_DIST || 'dist', path, port = 0 } = {}) {
  const root = isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`openApp: ${join(root, 'index.html')} does not exist (run \`trunk build\` first?)`);
  }
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`openApp: no Chromium at ${executablePath}; run scripts/setup.sh or set CHROMIUM=/path/to/chromium`);
  }

  const server = await startServer({ dir: root, port });
  const origin = new URL(server.url).origin;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    const recorder = await attachRecorder(context, origin);
    const page = await context.newPage();

    let closing = null;
    const close = () => {
      closing ??= (async () => {
        try {
          await browser.close();
        } finally {
          await server.close();
        }
      })();
      return closing;
    };
    const app = { browser, context, page, origin, url: server.url, recorder, server, close };
    if (path !== undefined) {
      try {
        await page.goto(new URL(path, server.url).href);
      } catch (err) {
        await close();
        throw err;
      }
    }
    return app;
  } catch (err) {
    await browser?.close().catch(() => {});
    await server.close();
    throw err;
  }
}

/** openApp(), run `fn(app)`, always close. */
export async function withApp(options, fn) {
  const app = await openApp(options);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function settle(page) {
  if (!page || page.isClosed()) return;
  // Violation events and console messages are queued as tasks; give them a
  // moment to arrive before reading.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50))).catch(() => {});
}

function where(location) {
  if (!location?.url) return '';
  return ` (at ${location.url}:${location.lineNumber ?? 0}:${location.columnNumber ?? 0})`;
}

/** Everything assertClean() would complain about, one readable line each. */
export async function listOffences(recorder, page) {
  await settle(page);
  await recorder.collect(page);
  const offences = [];

  const seen = new Set();
  for (const r of recorder.requests) {
    if (isAllowedUrl(r.url, recorder.origin)) continue;
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let fate = 'NOT aborted: it may have reached the network';
    const failure = recorder.failed.find((f) => f.url === r.url);
    if (recorder.blocked.some((b) => b.url === r.url)) fate = 'aborted by the harness';
    else if (failure?.errorText === 'csp') fate = 'blocked by the CSP';
    else if (failure) fate = `failed: ${failure.errorText}`;
    offences.push(`request to another origin: ${r.method} ${r.url} [${r.resourceType}] (${fate})`);
  }
  for (const ws of recorder.websockets) {
    const httpish = ws.url.replace(/^ws/i, 'http');
    if (!isAllowedUrl(httpish, recorder.origin)) offences.push(`WebSocket to another origin: ${ws.url}`);
  }
  for (const v of recorder.cspViolations) {
    if (v.source === 'console') continue; // reported with the console messages below
    offences.push(
      `CSP violation: ${v.violatedDirective || v.effectiveDirective || '?'} blocked ${v.blockedURI || '(unknown)'}` +
        `${v.sourceFile ? ` (at ${v.sourceFile}:${v.lineNumber ?? 0})` : ''}${v.sample ? ` sample: ${JSON.stringify(v.sample)}` : ''}`,
    );
  }
  for (const e of recorder.pageErrors) {
    offences.push(`page error: ${e.message}${e.pageUrl ? ` (on ${e.pageUrl})` : ''}`);
  }
  for (const m of recorder.console) {
    if (m.text.includes('panicked at')) offences.push(`Rust panic in console.${m.type}: ${m.text}${where(m.location)}`);
    else if (/Content Security Policy/i.test(m.text)) offences.push(`CSP violation (console.${m.type}): ${m.text}${where(m.location)}`);
    else if (m.type === 'error') offences.push(`console error: ${m.text}${where(m.location)}`);
  }
  const cookies = await recorder.context.cookies().catch(() => []);
  for (const c of cookies) {
    offences.push(`cookie: ${c.name}=${c.value} (domain ${c.domain}, path ${c.path})`);
  }
  return offences;
}

/**
 * Throws an AssertionError listing every offence: any request to another
 * origin, any CSP violation, any page error, any console error, any console
 * text containing 'panicked at', and any cookie in the context.
 */
export async function assertClean(recorder, page) {
  const offences = await listOffences(recorder, page);
  if (offences.length === 0) return;
  throw new AssertionError({
    message:
      `the page is not clean: ${offences.length} offence${offences.length === 1 ? '' : 's'}\n` +
      offences.map((o, i) => `  ${i + 1}. ${o}`).join('\n'),
    operator: 'assertClean',
  });
}

/** page.getByTestId(id): the `data-testid` attribute. */
export function byTestId(page, id) {
  return page.getByTestId(id);
}

/** Writes a full-page PNG to e2e/screenshots/<name>.png (for humans) and returns its path. */
export async function screenshot(page, name) {
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'screenshot';
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** How far the page scrolls sideways (0 when it fits its viewport). */
export function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Looks at the page as it stands at desktop (1280x800) and phone (390x844) width, in light and
 * dark: asserts it never scrolls sideways and writes e2e/screenshots/<stem>-<width>-<scheme>.png.
 */
export async function assertFitsEveryWidth(page, stem) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      await page.setViewportSize(viewport);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) throw new AssertionError({ message: `${label} ${scheme}: the page scrolls sideways by ${overflow}px` });
      await screenshot(page, `${stem}-${label}-${scheme}`);
    }
  }
}
