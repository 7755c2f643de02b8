#!/usr/bin/env node
// Trunk post_build hook: allow Trunk's inline loader script(s) in the CSP by hash.
//
// Trunk injects an inline `<script type="module">` that imports the
// wasm-bindgen glue and starts the app (and, under `trunk serve`, an inline
// auto-reload script). A strict CSP without 'unsafe-inline' blocks them unless
// their hashes are listed. In the source index.html the CSP <meta> carries the
// placeholder token
//
//     'sha256-TRUNK-INLINE-LOADER'
//
// and this hook replaces it with one 'sha256-<base64>' source per inline
// <script> (a <script> without a src attribute) of the built index.html.
//
// Usage
//   as a Trunk hook:  TRUNK_STAGING_DIR=<staging dir> node scripts/csp-hash.mjs
//   by hand:          node scripts/csp-hash.mjs dist/index.html   (or a directory)
//
// Exit status: 0 when the hashes were written, or were already present (a
// second run is a check); 1 when the token and the hashes are both missing,
// there is no CSP <meta>, or the file cannot be read.
//
// The hash is taken over the script's text as the browser sees it: bytes
// between <script ...> and </script>, UTF-8, with CR LF and lone CR turned
// into LF (the HTML parser does that before the CSP check). Character
// references are NOT decoded inside <script> (raw text), so none are here.
//
// The file is rewritten only inside the CSP content attribute; everything else
// stays byte-for-byte, so the script hashes cannot change by rewriting.

import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TOKEN = "'sha256-TRUNK-INLINE-LOADER'";

/** `'sha256-<base64>'` of a script's text, as CSP level 2/3 defines it. */
export function cspHash(text) {
  const normalized = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalized, 'utf8').digest('base64')}'`;
}

function decodeAttr(value) {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|apos|amp|lt|gt);/gi, (m, ent) => {
    const e = ent.toLowerCase();
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

function encodeAttr(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

const WS = /[\t\n\f\r ]/;

/**
 * Parses the start tag whose '<' is at index `lt`. Returns
 * { name, attrs: [{ name, value, raw: [start, end] | null }], end } where `end`
 * is the index just after '>', and `raw` is the span of the value text
 * (without quotes) in `html`. Returns null if it is not a start tag.
 */
export function parseStartTag(html, lt) {
  const m = /^<([a-zA-Z][^\t\n\f\r />]*)/.exec(html.slice(lt, lt + 64));
  if (!m) return null;
  const name = m[1].toLowerCase();
  const attrs = [];
  let i = lt + m[0].length;
  const n = html.length;
  while (i < n) {
    while (i < n && (WS.test(html[i]) || html[i] === '/')) i++;
    if (i >= n) break;
    if (html[i] === '>') return { name, attrs, end: i + 1 };
    const nameStart = i;
    while (i < n && !WS.test(html[i]) && html[i] !== '/' && html[i] !== '>' && (html[i] !== '=' || i === nameStart)) i++;
    const attrName = html.slice(nameStart, i).toLowerCase();
    while (i < n && WS.test(html[i])) i++;
    if (html[i] !== '=') {
      attrs.push({ name: attrName, value: '', raw: null });
      continue;
    }
    i++;
    while (i < n && WS.test(html[i])) i++;
    let start;
    let end;
    if (html[i] === '"' || html[i] === "'") {
      const quote = html[i];
      start = i + 1;
      end = html.indexOf(quote, start);
      if (end === -1) end = n;
      i = end + 1;
    } else {
      start = i;
      while (i < n && !WS.test(html[i]) && html[i] !== '>') i++;
      end = i;
    }
    attrs.push({ name: attrName, value: decodeAttr(html.slice(start, end)), raw: [start, end] });
  }
  return { name, attrs, end: n };
}

/** Yields every start tag of the document, skipping comments and raw text bodies. */
function* startTags(html) {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) return;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const gt = html.indexOf('>', lt);
      i = gt === -1 ? html.length : gt + 1;
      continue;
    }
    const tag = parseStartTag(html, lt);
    if (!tag) {
      i = lt + 1;
      continue;
    }
    yield { ...tag, start: lt };
    i = tag.end;
    // Elements whose content is raw text: skip to their end tag.
    if (['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'].includes(tag.name)) {
      const closeRe = new RegExp(`</${tag.name}[\\t\\n\\f\\r />]`, 'ig');
      closeRe.lastIndex = tag.end;
      const close = closeRe.exec(html);
      const contentEnd = close ? close.index : html.length;
      yield { name: `/${tag.name}-content`, parent: tag, contentStart: tag.end, contentEnd };
      i = contentEnd;
    }
  }
}

/** Every <script> without a src attribute: [{ text, hash, start }]. */
export function findInlineScripts(html) {
  const found = [];
  for (const t of startTags(html)) {
    if (t.name !== '/script-content') continue;
    if (t.parent.attrs.some((a) => a.name === 'src')) continue;
    const text = html.slice(t.contentStart, t.contentEnd);
    found.push({ text, hash: cspHash(text), start: t.parent.start });
  }
  return found;
}

/** Every <meta http-equiv="Content-Security-Policy">: [{ content, raw }]. */
export function findCspMetas(html) {
  const metas = [];
  for (const t of startTags(html)) {
    if (t.name !== 'meta') continue;
    const equiv = t.attrs.find((a) => a.name === 'http-equiv');
    if (!equiv || equiv.value.trim().toLowerCase() !== 'content-security-policy') continue;
    const content = t.attrs.find((a) => a.name === 'content');
    if (!content || !content.raw) continue;
    metas.push({ content: content.value, raw: content.raw, tagStart: t.start });
  }
  return metas;
}

/**
 * Pure core of the hook. Returns
 *   { status: 'replaced', html, hashes }      token replaced in >= 1 CSP meta
 *   { status: 'already-done', html, hashes }  no token, every hash present
 * and throws an Error with a readable message otherwise.
 */
export function applyCspHashes(html) {
  const scripts = findInlineScripts(html);
  const hashes = [...new Set(scripts.map((s) => s.hash))];
  const metas = findCspMetas(html);
  if (metas.length === 0) {
    throw new Error('no <meta http-equiv="Content-Security-Policy" content="..."> found');
  }
  const withToken = metas.filter((m) => m.content.includes(TOKEN));
  if (withToken.length > 0) {
    let out = html;
    // Replace from the end so earlier offsets stay valid.
    for (const meta of [...withToken].sort((a, b) => b.raw[0] - a.raw[0])) {
      // No inline script at all: drop the token (and the blank before it).
      const replaced = hashes.length
        ? meta.content.split(TOKEN).join(hashes.join(' '))
        : meta.content.replace(/[\t\n\f\r ]*'sha256-TRUNK-INLINE-LOADER'/g, '');
      // Keep the original quote style if the value is quoted.
      const [start, end] = meta.raw;
      const quote = out[start - 1] === '"' || out[start - 1] === "'" ? out[start - 1] : null;
      const encoded = quote === "'" ? replaced.replace(/&/g, '&amp;').replace(/'/g, '&#39;') : encodeAttr(replaced);
      out = quote ? out.slice(0, start) + encoded + out.slice(end) : `${out.slice(0, start)}"${encoded}"${out.slice(end)}`;
    }
    return { status: 'replaced', html: out, hashes };
  }
  // Second run: the token is gone; every inline script must be allowed already.
  const missing = hashes.filter((h) => !metas.some((m) => m.content.split(/[\s;]+/).includes(h)));
  if (missing.length > 0) {
    throw new Error(
      `the CSP <meta> has no ${TOKEN} token and does not allow ${missing.length} inline script(s): ${missing.join(' ')}` +
        ' (put the token back into the CSP in the source index.html)',
    );
  }
  return { status: 'already-done', html, hashes };
}

async function targetFile(argv, env) {
  const arg = argv.find((a) => !a.startsWith('-'));
  const base = arg ?? env.TRUNK_STAGING_DIR;
  if (!base) throw new Error('give the path of index.html (or its directory), or set TRUNK_STAGING_DIR');
  const p = resolve(base);
  const info = await stat(p).catch(() => null);
  if (!info) throw new Error(`${p} does not exist`);
  return info.isDirectory() ? join(p, 'index.html') : p;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write('usage: node scripts/csp-hash.mjs [path/to/index.html | dir]  (default: $TRUNK_STAGING_DIR/index.html)\n');
    return 0;
  }
  let file;
  try {
    file = await targetFile(argv, process.env);
    const html = await readFile(file, 'utf8');
    const result = applyCspHashes(html);
    const list = result.hashes.length ? result.hashes.join(' ') : '(none)';
    if (result.hashes.length === 0) {
      process.stderr.write(`csp-hash: warning: ${file} has no inline <script>; did Trunk inject its loader?\n`);
    }
    if (result.status === 'replaced') {
      await writeFile(file, result.html);
      process.stdout.write(`csp-hash: ${file}: ${TOKEN} -> ${list}\n`);
    } else {
      process.stdout.write(`csp-hash: ${file}: already done, CSP allows every inline script: ${list}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`csp-hash: error: ${file ? `${file}: ` : ''}${err.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
