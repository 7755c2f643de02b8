#!/usr/bin/env node
// Trunk post_build hook: the web app manifest and the service worker that let Gaplens work
// with the network off after one visit.
//
//   as a Trunk hook:  TRUNK_STAGING_DIR=<staging dir> node scripts/sw-build.mjs
//   by hand:          node scripts/sw-build.mjs [--out dist]
//
// 1. Waits for the other post_build hooks. Trunk starts every hook of a stage at the same time,
//    so "last in Trunk.toml" is not "runs last": this hook polls <out>/index.html until the CSP
//    hash (csp-hash.mjs), the ECharts file (echarts-build.mjs) and the language packs
//    (i18n-build.mjs) are written in, and the directory has stopped changing. Their markers are
//    listed in pendingWork() below; a new hook that rewrites index.html belongs there too.
// 2. Writes <out>/manifest.webmanifest from assets/manifest.webmanifest, each icon copied from
//    assets/ to <out>/<name>-<hash>.<ext>. The manifest keeps a stable name because index.html
//    links it statically (<link rel="manifest" href="manifest.webmanifest">).
// 3. Writes <out>/sw.js (stable name, at the root, so its scope is the app's folder): a service
//    worker that precaches every other file of <out> in a cache named after VERSION, the hash
//    of every file's name and content. Any change to the build is a new version: the browser
//    installs the new worker beside the old one, and the page shows its update banner
//    (src/ui/offline.rs); the new worker takes over only when the user agrees.
//
// The worker answers only GET requests to its own origin: the app's page from the precached
// index.html, precached files from the cache, anything else from the network as if it were
// not there. It never asks any other origin for anything. All addresses are relative, so dist/
// works from any folder of any static host.
//
// Exit status 0 on success; 1 when an icon or the manifest is missing or invalid, or the other
// hooks did not finish in time.

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = join(REPO_ROOT, 'assets');
export const SW_NAME = 'sw.js';
export const MANIFEST_NAME = 'manifest.webmanifest';
/** How long to wait for the other post_build hooks (ECharts bundling is the slow one). */
const WAIT_MS = 300_000;
const POLL_MS = 100;

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, as '/'-separated paths relative to it, sorted; dot files and sw.js left out. */
export async function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, base)));
    else if (entry.isFile()) out.push(relative(base, path).split(sep).join('/'));
  }
  return out.filter((p) => p !== SW_NAME).sort();
}

/**
 * What the other post_build hooks still have to write into `html`, one sentence each; empty
 * when they are done. `files` are the names in the output directory. A marker whose meta tag
 * is missing altogether is not waited for.
 */
export function pendingWork(html, files) {
  const pending = [];
  if (html.includes("'sha256-TRUNK-INLINE-LOADER'")) {
    pending.push('scripts/csp-hash.mjs has not yet put the inline loader\'s hash into the CSP');
  }
  const echarts = /<meta\s+name="gaplens-echarts"\s+content="([^"]*)"/.exec(html);
  if (echarts) {
    const name = echarts[1].replace(/^\.\//, '');
    if (!/^echarts-[0-9a-f]{12}\.js$/.test(name) || !files.includes(name)) {
      pending.push(`scripts/echarts-build.mjs has not yet written the ECharts file (index.html names "${echarts[1]}")`);
    }
  }
  const i18n = /<meta\s+name="gaplens-i18n"\s+content="([^"]*)"/.exec(html);
  if (i18n) {
    const names = i18n[1].split(/\s+/).filter(Boolean).map((pair) => pair.split('=')[1]?.replace(/^\.\//, '') ?? '');
    if (names.length === 0 || names.some((n) => !files.includes(n))) {
      pending.push('scripts/i18n-build.mjs has not yet written the language packs');
    }
  }
  return pending;
}

/** A fingerprint of `dir`: every file's name, size and modification time. */
async function snapshot(dir) {
  const files = await listFiles(dir);
  const parts = [];
  for (const f of files) {
    const info = await stat(join(dir, f)).catch(() => null);
    parts.push(`${f} ${info?.size} ${info?.mtimeMs}`);
  }
  return { files, fingerprint: parts.join('\n') };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves when the other hooks are done with `dir`; throws after `timeoutMs` saying what is missing. */
export async function waitForOtherHooks(dir, { timeoutMs = WAIT_MS, pollMs = POLL_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  let pending = [];
  for (;;) {
    const before = await snapshot(dir);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    pending = pendingWork(html, before.files);
    if (pending.length === 0) {
      // Done by the markers; make sure nothing is still being written.
      await sleep(pollMs * 3);
      const after = await snapshot(dir);
      if (after.fingerprint === before.fingerprint) return;
    } else {
      await sleep(pollMs);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the other post_build hooks did not finish within ${timeoutMs / 1000} s: ` +
          (pending.length ? pending.join('; ') : `${dir} kept changing`),
      );
    }
  }
}

/** `<stem>-<12 hex of its SHA-256><ext>`: the name a file is stored under in the output. */
export function hashedName(name, content) {
  const ext = extname(name);
  return `${basename(name, ext)}-${sha256(content).slice(0, 12)}${ext}`;
}

/**
 * The manifest text for `source` (the parsed assets/manifest.webmanifest) with each icon's
 * `src` replaced by its hashed name, and the icon files to write: { text, icons: [{ name, content }] }.
 * `readAsset(name)` returns an icon's bytes; it throws when the icon is missing.
 */
export async function buildManifest(source, readAsset) {
  if (!Array.isArray(source.icons) || source.icons.length === 0) {
    throw new Error('assets/manifest.webmanifest lists no icons');
  }
  const icons = [];
  const manifest = { ...source, icons: [] };
  for (const icon of source.icons) {
    if (typeof icon.src !== 'string' || icon.src.includes('/') || icon.src.includes('\\')) {
      throw new Error(`assets/manifest.webmanifest: icon src ${JSON.stringify(icon.src)} must be a file name in assets/`);
    }
    const content = await readAsset(icon.src);
    const name = hashedName(icon.src, content);
    icons.push({ name, content });
    manifest.icons.push({ ...icon, src: `./${name}` });
  }
  return { text: `${JSON.stringify(manifest, null, 2)}\n`, icons };
}

/** The version of a build: hash of every file's name and content. `files` is [{ path, content }]. */
export function buildVersion(files) {
  const hash = createHash('sha256');
  for (const { path, content } of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${path}\n${sha256(content)}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The text of sw.js for `version` and the precached `paths` (relative to the worker). */
export function serviceWorker(version, paths) {
  const files = paths.map((p) => `./${p}`);
  return `// Gaplens service worker, written by scripts/sw-build.mjs at build time: do not edit.
// Precaches every file of the build, so the app loads and works with the network off after
// one visit. A new build is a new VERSION: it installs beside this one and takes over only
// when the page asks (the user pressed Reload on the update banner). Only GET requests to
// this origin are answered; no other origin is ever asked for anything.
'use strict';

const VERSION = ${JSON.stringify(version)};
const FILES = ${JSON.stringify(files, null, 2)};

const HOME = new URL('./', self.location.href);
const INDEX = new URL('./index.html', HOME);
// Apps in other folders of the same origin keep caches of their own.
const CACHE_PREFIX = 'gaplens ' + HOME.href + ' ';
const CACHE = CACHE_PREFIX + VERSION;
const PRECACHED = new Set(FILES.map((file) => new URL(file, HOME).href));
// Names with a content hash (Trunk's, echarts-, i18n-, icons) never change content.
const HASHED = /-[0-9a-f]{12,16}(?:_bg)?\\.[A-Za-z0-9]+$/;

self.addEventListener('install', (event) => {
  // No skipWaiting here: an update waits until the page asks for it.
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'gaplens-activate-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.hash = '';
  if (request.mode === 'navigate') {
    if (url.pathname === HOME.pathname || url.pathname === INDEX.pathname) {
      event.respondWith(fromCache(INDEX.href, request));
    }
    return;
  }
  if (PRECACHED.has(url.href)) event.respondWith(fromCache(url.href, request));
});

/** The cached copy of \`key\`, or the network's answer to \`request\` if there is none. */
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) || fetch(request);
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all([...PRECACHED].map(async (url) => {
    if (await cache.match(url)) return; // an earlier, interrupted install stored it
    await cache.put(url, await download(url));
  }));
}

async function download(url) {
  if (HASHED.test(new URL(url).pathname)) {
    // Unchanged since an earlier version: copy it instead of downloading it again.
    const earlier = await caches.match(url);
    if (earlier) return earlier;
  }
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error('Gaplens could not store ' + url + ' for offline use: HTTP ' + response.status);
  if (!response.redirected) return response;
  // A redirected response may not answer a navigation; keep its body and headers only.
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}
`;
}

/** Writes the manifest, its icons and sw.js into `out`; returns { version, files, swBytes }. */
export async function buildOffline(out) {
  let source;
  try {
    source = JSON.parse(await readFile(join(ASSETS, MANIFEST_NAME), 'utf8'));
  } catch (error) {
    throw new Error(`assets/${MANIFEST_NAME}: ${error.message}`);
  }
  const { text, icons } = await buildManifest(source, async (name) => {
    try {
      return await readFile(join(ASSETS, name));
    } catch {
      throw new Error(`assets/${MANIFEST_NAME} names the icon ${name}, but assets/${name} cannot be read`);
    }
  });
  const iconStems = source.icons.map((i) => basename(i.src, extname(i.src)));
  for (const old of await readdir(out)) {
    const stale = iconStems.some((stem) => new RegExp(`^${stem}-[0-9a-f]{12}\\.[A-Za-z0-9]+$`).test(old));
    if (stale && !icons.some((i) => i.name === old)) await rm(join(out, old));
  }
  for (const icon of icons) await writeFile(join(out, icon.name), icon.content);
  await writeFile(join(out, MANIFEST_NAME), text);

  const paths = await listFiles(out);
  const files = await Promise.all(paths.map(async (path) => ({ path, content: await readFile(join(out, path)) })));
  const version = buildVersion(files);
  const sw = serviceWorker(version, paths);
  await writeFile(join(out, SW_NAME), sw);
  return { version, files: paths, swBytes: Buffer.byteLength(sw) };
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  const out = resolve(at >= 0 ? argv[at + 1] ?? '' : process.env.TRUNK_STAGING_DIR ?? 'dist');
  try {
    await waitForOtherHooks(out);
    const { version, files, swBytes } = await buildOffline(out);
    process.stdout.write(`sw-build: ${join(out, SW_NAME)} version ${version}, ${files.length} files precached (${swBytes} bytes)\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`sw-build: error: ${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
