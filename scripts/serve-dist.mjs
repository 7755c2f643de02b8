#!/usr/bin/env node
// Tiny static file server for the built Gaplens app (dist/).
//
//   node scripts/serve-dist.mjs [--dir dist] [--port 8080]
//
// Binds 127.0.0.1 only and prints exactly one line:
//   Gaplens is served at http://127.0.0.1:PORT/
//
// It never sets cookies and adds no CSP header (the app carries its CSP in a
// <meta>). Every response has `Cache-Control: no-cache` and
// `X-Content-Type-Options: nosniff`. Only GET and HEAD are served.
//
// Also usable from tests:
//   import { startServer } from './serve-dist.mjs';
//   const { url, close } = await startServer({ dir: 'dist', port: 0 });

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';

export const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
});

export function contentTypeFor(filePath) {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const COMMON_HEADERS = Object.freeze({
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
});

function sendText(res, status, text, extra = {}) {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root + sep);
}

/**
 * Maps a request path onto a file under `root` (an absolute, real path).
 * Returns { file, size } or { status } (400, 403 or 404).
 */
async function resolveFile(root, rawUrl) {
  const q = rawUrl.search(/[?#]/);
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!rawPath.startsWith('/')) return { status: 400 };

  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  // Refuse any `..` segment outright, before and after normalisation.
  if (decoded.split('/').includes('..')) return { status: 403 };

  let candidate = resolve(join(root, decoded));
  if (!isInside(root, candidate)) return { status: 403 };

  let info;
  try {
    info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = join(candidate, 'index.html');
      info = await stat(candidate);
    }
  } catch {
    return { status: 404 };
  }
  if (!info.isFile()) return { status: 404 };

  // A symlink inside dist/ must not lead outside it.
  const real = await realpath(candidate).catch(() => null);
  if (real === null) return { status: 404 };
  if (!isInside(root, real)) return { status: 403 };

  return { file: real, size: info.size };
}

/**
 * Starts the server. `port` 0 picks a free port.
 * Resolves to { url, port, server, close } where url is "http://127.0.0.1:PORT/".
 */
export async function startServer({ dir = 'dist', port = 0 } = {}) {
  const absolute = resolve(dir);
  let root;
  try {
    root = await realpath(absolute);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new Error(`serve-dist: ${absolute} is not a directory (has the app been built with \`trunk build\`?)`);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
        return;
      }
      const found = await resolveFile(root, req.url ?? '/');
      if (found.status) {
        const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[found.status];
        sendText(res, found.status, reason);
        return;
      }
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': contentTypeFor(found.file),
        'Content-Length': found.size,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
      process.stderr.write(`serve-dist: ${err?.stack ?? err}\n`);
    }
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });

  const actualPort = server.address().port;
  const url = `http://${HOST}:${actualPort}/`;
  let closing = null;
  const close = () => {
    closing ??= new Promise((resolvePromise) => {
      server.close(() => resolvePromise());
      // Browsers keep connections alive; do not wait for them.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, port: actualPort, server, close };
}

function parseArgs(argv) {
  const opts = { dir: 'dist', port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--dir') opts.dir = value();
    else if (flag === '--port') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new Error(`--port wants 0..65535, got ${v}`);
      opts.port = Number(v);
    } else if (flag === '-h' || flag === '--help') opts.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`serve-dist: ${err.message}\nusage: node scripts/serve-dist.mjs [--dir dist] [--port 8080]\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write('usage: node scripts/serve-dist.mjs [--dir dist] [--port 8080]\n');
    return;
  }
  let server;
  try {
    server = await startServer(opts);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Gaplens is served at ${server.url}\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
