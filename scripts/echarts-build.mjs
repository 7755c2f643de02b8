#!/usr/bin/env node
// Trunk post_build hook: bundle the trimmed ECharts build into the dist.
//
//   as a Trunk hook:  TRUNK_STAGING_DIR=<staging dir> node scripts/echarts-build.mjs
//   by hand:          node scripts/echarts-build.mjs [--out dist]
//
// Bundles scripts/echarts-entry.mjs (only the charts, components and the SVG
// renderer Gaplens uses) with esbuild from node_modules (so `npm ci` is all a
// clean clone needs) into `<out>/echarts-<hash>.js`, where <hash> is the first
// 12 hex digits of the file's SHA-256: a host may cache it forever.
//
// The app finds the file through a meta tag in index.html,
//     <meta name="gaplens-echarts" content="./echarts.js">
// whose content this hook sets to the hashed name in <out>/index.html. The app
// injects the script only when the first chart is shown (src/ui/charts/load.rs),
// so ECharts never counts against the first load.
//
// Exit status 0 on success; 1 when bundling fails or index.html has no such meta.

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ENTRY = join(REPO_ROOT, 'scripts', 'echarts-entry.mjs');
export const META_NAME = 'gaplens-echarts';
const META_RE = /(<meta\s+name="gaplens-echarts"\s+content=")[^"]*(")/;

/** Bundles the entry; returns { code: Buffer, name: 'echarts-<hash>.js', version }. */
export async function bundle() {
  const { build } = await import('esbuild');
  const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules', 'echarts', 'package.json'), 'utf8'));
  const result = await build({
    entryPoints: [ENTRY],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: `/*! Trimmed build of Apache ECharts ${pkg.version} (Apache-2.0) with zrender (BSD-3-Clause) and tslib (0BSD), for Gaplens. */`,
    },
    logLevel: 'warning',
  });
  const code = Buffer.from(result.outputFiles[0].contents);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  return { code, name: `echarts-${hash}.js`, version: pkg.version };
}

/** `html` with the gaplens-echarts meta pointing at `./<name>`; throws without the meta. */
export function pointIndexAt(html, name) {
  if (!META_RE.test(html)) {
    throw new Error(`index.html has no <meta name="${META_NAME}" content="..."> to point at ${name}`);
  }
  return html.replace(META_RE, `$1./${name}$2`);
}

export function brotliSize(buf) {
  return brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  const out = resolve(at >= 0 ? argv[at + 1] ?? '' : process.env.TRUNK_STAGING_DIR ?? 'dist');
  try {
    const { code, name, version } = await bundle();
    for (const old of await readdir(out)) {
      if (/^echarts-[0-9a-f]{12}\.js$/.test(old) && old !== name) await rm(join(out, old));
    }
    await writeFile(join(out, name), code);
    const index = join(out, 'index.html');
    await writeFile(index, pointIndexAt(await readFile(index, 'utf8'), name));
    const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
    process.stdout.write(
      `echarts-build: ${join(out, name)} (ECharts ${version}, ${kb(code.length)} raw, ${kb(brotliSize(code))} brotli)\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`echarts-build: error: ${err.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
