#!/usr/bin/env node
// Trunk post_build hook: the build's finishing steps, one after the other.
//
// Trunk 0.21 starts all hooks of a stage at the same time, and these steps all rewrite
// index.html, so they run here in order instead, each as its own process with the same
// environment (TRUNK_STAGING_DIR):
//   1. csp-hash.mjs      the inline loader's sha256 into the CSP meta
//   2. css-bundle.mjs    the stylesheets joined into one app-<hash>.css, in link order
//   3. echarts-build.mjs the trimmed ECharts as echarts-<hash>.js, named in a meta tag
//   4. i18n-build.mjs    the language packs as i18n-<lang>-<hash>.json, named in a meta tag
//   5. sw-build.mjs      the manifest and sw.js, which precaches every file the steps above left
// Exit status: the first failing step's, after printing which step failed.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const STEPS = ['csp-hash.mjs', 'css-bundle.mjs', 'echarts-build.mjs', 'i18n-build.mjs', 'sw-build.mjs'];

for (const step of STEPS) {
  const script = fileURLToPath(new URL(step, import.meta.url));
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) {
    console.error(`post-build: ${step} failed (exit ${run.status ?? run.signal})`);
    process.exit(run.status || 1);
  }
}
