#!/usr/bin/env node
// Lighthouse on the demo project's Dashboard: desktop preset, performance and accessibility,
// offline (Chromium resolves no host but 127.0.0.1, and the app makes no outside request).
//
//   node scripts/lighthouse.mjs [--dir dist] [--path /#/p/demo-hotel/dashboard]
//                               [--out target/lighthouse] [--runs 1] [--no-compress]
//                               [--min-performance 90] [--min-accessibility 95]
//
// Serves --dir with scripts/serve-dist.mjs behind a small front that answers with brotli, as
// a static host does (GitHub Pages, Netlify, nginx with brotli); --no-compress measures the
// plain, uncompressed server instead. Then it launches Debian's Chromium ($CHROME_PATH, else
// $CHROMIUM, else /usr/bin/chromium) with a fresh profile (so the app seeds the demo project on
// this first visit, and the hash route opens its Dashboard directly), runs Lighthouse
// programmatically and prints the scores and every audit that does not pass. Writes
// lighthouse.json, lighthouse.html and final-screenshot.jpg into --out (target/ is gitignored).
// With --runs N it runs N times and reports the median performance score (Lighthouse's own
// advice for a noisy machine). Exits 1 when a score is under its --min-*, 2 on bad arguments.

import lighthouse, { desktopConfig } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdir, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve-dist.mjs';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CATEGORIES = ['performance', 'accessibility'];

function usage(message) {
  console.error(`lighthouse.mjs: ${message}`);
  console.error(
    'usage: node scripts/lighthouse.mjs [--dir dist] [--path /#/p/demo-hotel/dashboard] [--out target/lighthouse] ' +
      '[--runs 1] [--no-compress] [--min-performance 90] [--min-accessibility 95]',
  );
  process.exit(2);
}

export function parseArgs(argv) {
  const options = {
    dir: 'dist',
    path: '/#/p/demo-hotel/dashboard',
    out: 'target/lighthouse',
    runs: 1,
    compress: true,
    min: { performance: 0, accessibility: 0 },
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const needValue = () => {
      if (value === undefined || value.startsWith('--')) usage(`${flag} needs a value`);
      i++;
      return value;
    };
    const score = () => {
      const n = Number(needValue());
      if (!Number.isFinite(n) || n < 0 || n > 100) usage(`${flag} takes a score from 0 to 100`);
      return n;
    };
    switch (flag) {
      case '--dir': options.dir = needValue(); break;
      case '--path': options.path = needValue(); break;
      case '--out': options.out = needValue(); break;
      case '--runs': {
        const n = Number(needValue());
        if (!Number.isInteger(n) || n < 1 || n > 9) usage('--runs takes a whole number from 1 to 9');
        options.runs = n;
        break;
      }
      case '--no-compress': options.compress = false; break;
      case '--min-performance': options.min.performance = score(); break;
      case '--min-accessibility': options.min.accessibility = score(); break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  return options;
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * A front for `origin` (the serve-dist server) that answers with brotli (quality 11, each
 * file compressed once and kept) when the browser accepts it, like a static host.
 * Resolves to { url, close }.
 */
async function startBrotliFront(origin) {
  const cache = new Map();
  const fetchUpstream = (req) =>
    new Promise((resolveFetch, reject) => {
      const upstream = httpRequest(new URL(req.url, origin), { method: req.method, headers: { accept: req.headers.accept ?? '*/*' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolveFetch({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end();
    });
  const server = createServer(async (req, res) => {
    try {
      const up = await fetchUpstream(req);
      const headers = { ...up.headers };
      delete headers.connection;
      delete headers['keep-alive'];
      const wantsBrotli = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
      let body = up.body;
      if (up.status === 200 && wantsBrotli && COMPRESSIBLE.test(headers['content-type'] ?? '')) {
        const key = req.url.split(/[?#]/)[0];
        if (!cache.has(key)) {
          cache.set(key, brotliCompressSync(up.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: up.body.length } }));
        }
        body = cache.get(key);
        headers['content-encoding'] = 'br';
        headers.vary = 'Accept-Encoding';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(up.status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

/** Asks `url` for index.html and every file it links, so the front has compressed them all. */
async function warmUp(url) {
  const get = (path) =>
    new Promise((done) => {
      const req = httpRequest(new URL(path, url), { headers: { 'accept-encoding': 'br' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => done(Buffer.concat(chunks)));
      });
      req.on('error', () => done(Buffer.alloc(0)));
      req.end();
    });
  const { brotliDecompressSync } = await import('node:zlib');
  const raw = await get('/');
  let html = '';
  try { html = brotliDecompressSync(raw).toString('utf8'); } catch { html = raw.toString('utf8'); }
  const paths = [...html.matchAll(/(?:href|src)="\.?\/?([^"#?]+)"/g)].map((m) => `/${m[1]}`);
  const wasm = paths.filter((p) => p.endsWith('.js')).map((p) => p.replace(/\.js$/, '_bg.wasm'));
  for (const path of [...new Set([...paths, ...wasm])]) await get(path);
}

/** Every audit of `category` that does not pass, with the elements it names. */
function failingAudits(lhr, category) {
  const failing = [];
  for (const ref of lhr.categories[category].auditRefs) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable') continue;
    const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
    const nodes = items
      .map((item) => item.node ?? item.subItems?.items?.[0]?.relatedNode)
      .filter(Boolean)
      .slice(0, 6)
      .map((node) => `${node.selector ?? ''} ${node.snippet ?? ''}`.trim());
    failing.push({
      id: ref.id,
      weight: ref.weight,
      score: audit.score,
      title: audit.title,
      displayValue: audit.displayValue ?? '',
      nodes,
    });
  }
  return failing.sort((a, b) => b.weight - a.weight);
}

async function runOnce(url) {
  const profile = await mkdtemp(join(tmpdir(), 'gaplens-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    userDataDir: profile,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: CATEGORIES },
      desktopConfig,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    return result;
  } finally {
    await chrome.kill();
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = resolve(REPO_ROOT, options.dir);
  if (!existsSync(join(dir, 'index.html'))) usage(`${join(dir, 'index.html')} does not exist (run trunk build first?)`);
  const server = await startServer({ dir, port: 0 });
  const front = options.compress ? await startBrotliFront(server.url).catch(async (e) => { await server.close(); throw e; }) : null;
  const base = front?.url ?? server.url;
  const url = new URL(options.path, base).href;
  const results = [];
  try {
    if (front) await warmUp(base);
    for (let run = 0; run < options.runs; run++) results.push(await runOnce(url));
  } finally {
    await front?.close();
    await server.close();
  }
  // The median run by performance score; with one run, that run.
  results.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
  const { lhr, report } = results[Math.floor(results.length / 2)];

  const out = resolve(REPO_ROOT, options.out);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'lighthouse.json'), report[0]);
  await writeFile(join(out, 'lighthouse.html'), report[1]);
  const shot = lhr.audits['final-screenshot']?.details?.data;
  if (shot?.startsWith('data:image/jpeg;base64,')) {
    await writeFile(join(out, 'final-screenshot.jpg'), Buffer.from(shot.slice('data:image/jpeg;base64,'.length), 'base64'));
  }

  console.log(`Lighthouse ${lhr.lighthouseVersion}, desktop preset, ${lhr.environment?.hostUserAgent ?? ''}`);
  console.log(`URL: ${lhr.finalDisplayedUrl}${options.runs > 1 ? ` (median of ${options.runs} runs)` : ''}, ${options.compress ? 'served with brotli' : 'served uncompressed'}`);
  const transferred = (lhr.audits['network-requests']?.details?.items ?? []).reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  console.log(`transferred: ${(transferred / 1000).toFixed(1)} KB in ${lhr.audits['network-requests']?.details?.items?.length ?? 0} requests`);
  if (lhr.runWarnings?.length) for (const w of lhr.runWarnings) console.log(`warning: ${w}`);
  let failed = false;
  for (const category of CATEGORIES) {
    const score = Math.round((lhr.categories[category].score ?? 0) * 100);
    const min = options.min[category];
    const verdict = score < min ? `  UNDER the minimum ${min}` : '';
    if (score < min) failed = true;
    console.log(`\n${lhr.categories[category].title}: ${score}${verdict}`);
    if (category === 'performance') {
      for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
        const audit = lhr.audits[id];
        if (audit) console.log(`  ${audit.title}: ${audit.displayValue ?? '–'} (score ${Math.round((audit.score ?? 0) * 100)})`);
      }
    }
    const failing = failingAudits(lhr, category);
    if (failing.length === 0) console.log('  every audit passes');
    for (const audit of failing) {
      console.log(`  not passed (weight ${audit.weight}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''} [${audit.id}]`);
      for (const node of audit.nodes) console.log(`      ${node.slice(0, 160)}`);
    }
  }
  if (results.length > 1) {
    console.log(`\nperformance per run: ${results.map((r) => Math.round(r.lhr.categories.performance.score * 100)).join(', ')}`);
  }
  console.log(`\nreports: ${join(out, 'lighthouse.html')}, ${join(out, 'lighthouse.json')}`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`lighthouse.mjs: ${error?.stack ?? error}`);
    process.exit(1);
  });
}
