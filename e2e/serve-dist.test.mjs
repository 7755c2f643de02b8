// Tests for scripts/serve-dist.mjs. Run: node --test e2e/serve-dist.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve-dist.mjs';

const SCRIPT = fileURLToPath(new URL('../scripts/serve-dist.mjs', import.meta.url));

const FILES = {
  'index.html': '<!doctype html><title>t</title>',
  'app-1a2b.js': 'export {};',
  'worker.mjs': 'export {};',
  'app-1a2b_bg.wasm': Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
  'style.css': 'body{}',
  'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'manifest.webmanifest': '{}',
  'icon-192.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  'data.json': '{}',
  'blob.bin': 'x',
  'sub/index.html': '<p>sub</p>',
};

function makeSite(t) {
  const base = mkdtempSync(join(tmpdir(), 'serve-dist-test-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const dir = join(base, 'dist');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  for (const [name, body] of Object.entries(FILES)) writeFileSync(join(dir, name), body);
  writeFileSync(join(base, 'secret.txt'), 'outside dist');
  return { base, dir };
}

async function serve(t) {
  const site = makeSite(t);
  const server = await startServer({ dir: site.dir });
  t.after(() => server.close());
  return { ...site, ...server };
}

/** Raw request: the path is sent exactly as given (fetch would normalise `..`). */
function raw(url, path, method = 'GET') {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('binds 127.0.0.1 on a free port', async (t) => {
  const { url, port } = await serve(t);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.ok(port > 0);
});

test('content types, index.html for / and directories, common headers, no cookies', async (t) => {
  const { url } = await serve(t);
  const cases = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/sub/': 'text/html; charset=utf-8',
    '/app-1a2b.js': 'text/javascript; charset=utf-8',
    '/worker.mjs': 'text/javascript; charset=utf-8',
    '/app-1a2b_bg.wasm': 'application/wasm',
    '/style.css': 'text/css; charset=utf-8',
    '/icon.svg': 'image/svg+xml',
    '/manifest.webmanifest': 'application/manifest+json',
    '/icon-192.png': 'image/png',
    '/data.json': 'application/json',
    '/blob.bin': 'application/octet-stream',
    '/app-1a2b.js?v=1': 'text/javascript; charset=utf-8',
  };
  for (const [path, type] of Object.entries(cases)) {
    const res = await raw(url, path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], type, path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    assert.equal(res.headers['set-cookie'], undefined, path);
    assert.equal(res.headers['content-security-policy'], undefined, path);
  }
  assert.equal((await raw(url, '/')).body, FILES['index.html']);
  assert.equal((await raw(url, '/sub/')).body, FILES['sub/index.html']);
});

test('404 for missing files, 405 for other methods, HEAD has no body', async (t) => {
  const { url } = await serve(t);
  const missing = await raw(url, '/nope.js');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['set-cookie'], undefined);
  assert.equal(missing.headers['x-content-type-options'], 'nosniff');
  assert.equal((await raw(url, '/sub/nope/')).status, 404);

  const post = await raw(url, '/', 'POST');
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');

  const head = await raw(url, '/style.css', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-length'], String(FILES['style.css'].length));
  assert.equal(head.body, '');
});

test('path traversal is refused', async (t) => {
  const { url, dir, base } = await serve(t);
  symlinkSync(join(base, 'secret.txt'), join(dir, 'link.txt'));
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/sub/../../secret.txt', '/%2e%2e%5csecret.txt', '/a%00b', '/link.txt', '//etc/passwd']) {
    const res = await raw(url, path);
    assert.ok([400, 403, 404].includes(res.status), `${path} -> ${res.status}`);
    assert.ok(!res.body.includes('outside dist'), path);
  }
});

test('startServer rejects a missing directory', async () => {
  await assert.rejects(startServer({ dir: join(tmpdir(), 'serve-dist-does-not-exist') }), /is not a directory/);
});

test('the CLI prints exactly one line and keeps serving', async (t) => {
  const { dir } = makeSite(t);
  const child = spawn(process.execPath, [SCRIPT, '--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGTERM'));
  let out = '';
  const line = await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  assert.match(line, /^Gaplens is served at http:\/\/127\.0\.0\.1:\d+\/\n$/);
  const url = line.trim().split(' ').pop();
  assert.equal((await raw(url, '/')).status, 200);
  assert.equal((await raw(url, '/app-1a2b.js')).status, 200);
  assert.equal(out, line, 'nothing else on stdout');
});
