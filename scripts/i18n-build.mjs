#!/usr/bin/env node
// Trunk post_build hook: the language packs.
//
//   as a Trunk hook:  TRUNK_STAGING_DIR=<staging dir> node scripts/i18n-build.mjs
//   by hand:          node scripts/i18n-build.mjs [--out dist]
//
// Merges each language's fragments, i18n/<lang>/*.json (objects from the English text to the
// translation), into one file <out>/i18n-<lang>-<hash>.json, where <hash> is the first 12 hex
// digits of its SHA-256, so a host may cache it forever. The app reads the addresses from
//     <meta name="gaplens-i18n" content="sv=./i18n-sv-<hash>.json da=...">
// which this hook writes into <out>/index.html, and fetches only the chosen language's pack.
// English is the key and needs no pack. Completeness is checked by tests/i18n_keys.rs.
//
// Exit status 0 on success; 1 when a fragment is not valid JSON or index.html has no meta.

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LANGS = ['sv', 'da', 'nb', 'fi'];
const META_RE = /(<meta\s+name="gaplens-i18n"\s+content=")[^"]*(")/;

/** One language's merged pack as a JSON string (keys sorted, so the hash is stable). */
export async function pack(lang) {
  const dir = join(REPO_ROOT, 'i18n', lang);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const merged = {};
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`i18n/${lang}/${file}: ${error.message}`);
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!(key in merged)) merged[key] = value;
    }
  }
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
  return JSON.stringify(sorted);
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  const out = resolve(at >= 0 ? argv[at + 1] ?? '' : process.env.TRUNK_STAGING_DIR ?? 'dist');
  try {
    const names = [];
    for (const old of await readdir(out)) {
      if (/^i18n-[a-z]{2}-[0-9a-f]{12}\.json$/.test(old)) await rm(join(out, old));
    }
    for (const lang of LANGS) {
      const json = Buffer.from(await pack(lang), 'utf8');
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
      const name = `i18n-${lang}-${hash}.json`;
      await writeFile(join(out, name), json);
      names.push(`${lang}=./${name}`);
    }
    const index = join(out, 'index.html');
    const html = await readFile(index, 'utf8');
    if (!META_RE.test(html)) throw new Error('index.html has no <meta name="gaplens-i18n" content="...">');
    await writeFile(index, html.replace(META_RE, `$1${names.join(' ')}$2`));
    console.log(`i18n-build: ${names.length} language packs`);
  } catch (error) {
    console.error(`i18n-build: ${error.message}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
