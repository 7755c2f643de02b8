#!/usr/bin/env node
// Build step: the stylesheets as one file.
//
//   as a build step:  TRUNK_STAGING_DIR=<staging dir> node scripts/css-bundle.mjs
//   by hand:          node scripts/css-bundle.mjs [--out dist]
//
// Trunk writes each style/*.css as its own hashed file with its own <link>. Compressed one by
// one they cost about 5 KB brotli more than together (they share most of their words), and each
// is a request. This step joins them, in the order index.html links them (so the cascade is
// unchanged), into <out>/app-<hash>.css, replaces the first <link> with one to it (with its
// sha384 integrity, as Trunk writes), removes the others' links and files.
//
// Exit status 0 on success (also when there is nothing to join); 1 when a linked file is missing.

import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const LINK_RE = /<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>\n?/g;

/** The stylesheets `html` links, in order. */
export function linkedStylesheets(html) {
  return [...html.matchAll(LINK_RE)].map((m) => m[1]);
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  const out = resolve(at >= 0 ? argv[at + 1] ?? '' : process.env.TRUNK_STAGING_DIR ?? 'dist');
  try {
    const index = join(out, 'index.html');
    const html = await readFile(index, 'utf8');
    const names = linkedStylesheets(html);
    if (names.length < 2) return;
    const parts = [];
    for (const name of names) parts.push(`/* ${name.replace(/-[0-9a-f]+\.css$/, '.css')} */\n${await readFile(join(out, name), 'utf8')}`);
    const css = Buffer.from(parts.join('\n'), 'utf8');
    const name = `app-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
    const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
    let first = true;
    const joined = html.replace(LINK_RE, () => {
      if (!first) return '';
      first = false;
      return `<link rel="stylesheet" href="./${name}" integrity="${integrity}"/>\n`;
    });
    await writeFile(join(out, name), css);
    await writeFile(index, joined);
    for (const old of names) await rm(join(out, old));
    console.log(`css-bundle: ${names.length} stylesheets joined into ${name}`);
  } catch (error) {
    console.error(`css-bundle: ${error.message}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
