#!/usr/bin/env node
// Is the JS heap stable over many filter changes? Measured with the Chromium DevTools protocol.
//
//   node scripts/heap.mjs [--dir dist] [--warm-up 100] [--changes 100] [--every N] [--max-growth-kb 1024] [--json]
//
// Serves the built app (scripts/serve-dist.mjs), opens the demo project's Analysis page in
// headless Chromium, waits for its five charts, flips the wave filter `--warm-up` times (V8
// compiles and optimises code over the first hundred or so changes: a heap snapshot diff shows
// that growth as "(code)", not as objects), then `--changes` more times, waiting after each change until every chart
// has redrawn (its data-revision went up). Before and after, it forces garbage collection
// (HeapProfiler.collectGarbage, twice) and reads Runtime.getHeapUsage and Performance.getMetrics
// (JS heap, DOM nodes, event listeners), and counts the live ECharts instances. `--every N`
// also measures after every N changes, to tell a warm-up (growth that levels off) from a leak.
//
// Prints a small Markdown table (or JSON with --json). Exits 1 when the used JS heap grew by
// more than --max-growth-kb, when the number of live ECharts instances is not the number of
// charts, or when anything fails; 2 on bad arguments.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';
import { startServer } from './serve-dist.mjs';

const SLUGS = ['radar', 'gap-bars', 'ipa', 'trends', 'journey-heat-map'];
const WAVES = ['2026 Q1', '2026 Q2', '2026 Q3', ''];

function parseArgs(argv) {
  const options = { dir: 'dist', warmUp: 100, changes: 100, every: 0, maxGrowthKb: 1024, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--dir') options.dir = value();
    else if (arg === '--changes') options.changes = Number(value());
    else if (arg === '--every') options.every = Number(value());
    else if (arg === '--warm-up') options.warmUp = Number(value());
    else if (arg === '--max-growth-kb') options.maxGrowthKb = Number(value());
    else if (arg === '--json') options.json = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.changes) || options.changes < 1) throw new Error('--changes must be a positive integer');
  if (!Number.isInteger(options.warmUp) || options.warmUp < 0) throw new Error('--warm-up must be a whole number');
  if (!Number.isFinite(options.maxGrowthKb)) throw new Error('--max-growth-kb must be a number');
  return options;
}

async function revisions(page) {
  return page.evaluate(
    (slugs) => slugs.map((s) => Number(document.querySelector(`[data-testid="chart-${s}"]`)?.dataset.revision ?? -1)),
    SLUGS,
  );
}

async function selectWave(page, wave) {
  const before = await revisions(page);
  await page.getByTestId('wave-filter').selectOption(wave);
  await page.waitForFunction(
    ({ slugs, before }) =>
      slugs.every((s, i) => Number(document.querySelector(`[data-testid="chart-${s}"]`)?.dataset.revision) > before[i]),
    { slugs: SLUGS, before },
  );
}

async function measure(page, cdp) {
  for (let i = 0; i < 2; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const instances = await page.evaluate(
    () => [...document.querySelectorAll('.chart-canvas')].filter((el) => globalThis.echarts?.getInstanceByDom(el)).length,
  );
  return {
    heapUsed: usage.usedSize,
    heapTotal: usage.totalSize,
    domNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    echartsInstances: instances,
  };
}

export async function run({ dir, changes, warmUp = 100, every = 0 }) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}; set CHROMIUM`);
  const server = await startServer({ dir: resolve(dir), port: 0 });
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Nothing may leave the machine; the app needs nothing from elsewhere.
    await context.route(
      (url) => url.origin !== new URL(server.url).origin,
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('project-row').first().waitFor();
    await page.goto(`${server.url}#/p/demo-hotel/analysis`);
    await page.waitForFunction(
      (slugs) => slugs.every((s) => document.querySelector(`[data-testid="chart-${s}"]`)?.dataset.state === 'drawn'),
      SLUGS,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const initial = await measure(page, cdp);
    // Warm-up: caches, lazily created objects and optimised code exist before the baseline.
    for (let i = 0; i < warmUp; i += 1) await selectWave(page, WAVES[i % WAVES.length]);
    const before = await measure(page, cdp);
    const started = Date.now();
    const samples = [];
    let measuring = 0;
    for (let i = 0; i < changes; i += 1) {
      await selectWave(page, WAVES[i % WAVES.length]);
      if (every > 0 && (i + 1) % every === 0 && i + 1 < changes) {
        const t0 = Date.now();
        samples.push({ changes: i + 1, heapUsed: (await measure(page, cdp)).heapUsed });
        measuring += Date.now() - t0;
      }
    }
    const seconds = (Date.now() - started - measuring) / 1000;
    const after = await measure(page, cdp);
    samples.push({ changes, heapUsed: after.heapUsed });
    return { warmUp, changes, charts: SLUGS.length, seconds, initial, before, after, samples };
  } finally {
    await browser.close();
    await server.close();
  }
}

function table(result) {
  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  const rows = [
    ['JS heap used', kb(result.before.heapUsed), kb(result.after.heapUsed), kb(result.after.heapUsed - result.before.heapUsed)],
    ['JS heap total', kb(result.before.heapTotal), kb(result.after.heapTotal), kb(result.after.heapTotal - result.before.heapTotal)],
    ['DOM nodes', result.before.domNodes, result.after.domNodes, result.after.domNodes - result.before.domNodes],
    ['JS event listeners', result.before.listeners, result.after.listeners, result.after.listeners - result.before.listeners],
    ['Live ECharts instances', result.before.echartsInstances, result.after.echartsInstances, result.after.echartsInstances - result.before.echartsInstances],
  ];
  return [
    `| ${result.changes} wave-filter changes after ${result.warmUp} to warm up (${result.charts} charts, ${result.seconds.toFixed(1)} s) | Before | After | Change |`,
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Used JS heap with the charts first drawn, before the warm-up: ${kb(result.initial.heapUsed)}.`,
    '',
    ...(result.samples.length > 1
      ? ['Used JS heap after N changes: ' + result.samples.map((x) => `${x.changes}: ${kb(x.heapUsed)}`).join(', '), '']
      : []),
    'Measured after forced garbage collection (DevTools protocol: HeapProfiler.collectGarbage, Runtime.getHeapUsage, Performance.getMetrics).',
  ].join('\n');
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`heap: ${err.message}\nusage: node scripts/heap.mjs [--dir dist] [--changes 100] [--max-growth-kb 1024] [--json]\n`);
    return 2;
  }
  try {
    const result = await run(options);
    process.stdout.write(`${options.json ? JSON.stringify(result, null, 2) : table(result)}\n`);
    const growthKb = (result.after.heapUsed - result.before.heapUsed) / 1000;
    const problems = [];
    if (growthKb > options.maxGrowthKb) problems.push(`the JS heap grew by ${growthKb.toFixed(1)} KB (limit ${options.maxGrowthKb} KB)`);
    if (result.after.echartsInstances !== result.charts) {
      problems.push(`${result.after.echartsInstances} live ECharts instances for ${result.charts} charts`);
    }
    for (const p of problems) process.stderr.write(`heap: ${p}\n`);
    return problems.length ? 1 : 0;
  } catch (err) {
    process.stderr.write(`heap: error: ${err.stack || err.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
