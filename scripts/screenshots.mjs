// Takes the README's screenshots of the built app (dist/) with headless Chromium:
//   node scripts/screenshots.mjs            -> docs/screenshots/*.png
// Each page at desktop (1280x800) and phone (390x844) width, light and dark.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, byTestId, REPO_ROOT, listOffences } from '../e2e/harness.mjs';

const out = join(REPO_ROOT, 'docs', 'screenshots');
await mkdir(out, { recursive: true });

// `ready`: what must be on screen before the picture is taken.
const pages = [
  { name: 'projects', hash: '#/', ready: '[data-testid="project-row"]' },
  { name: 'dashboard', hash: '#/p/demo-hotel/dashboard', ready: '[data-testid="gap-diagram"]' },
  { name: 'journey', hash: '#/p/demo-hotel/journey', ready: '[data-testid="chart-journey-heat-map"] svg' },
  { name: 'items', hash: '#/p/demo-hotel/items', ready: '[data-testid="item-list"]' },
  { name: 'data', hash: '#/p/demo-hotel/data', ready: '[data-testid="wave-table"]' },
  { name: 'analysis', hash: '#/p/demo-hotel/analysis', ready: '[data-testid="analysis-table"]' },
  { name: 'charts', hash: '#/p/demo-hotel/analysis/charts', ready: '[data-testid="chart-ipa"] svg' },
  { name: 'actions', hash: '#/p/demo-hotel/actions', ready: '[data-testid="action-row"]' },
  { name: 'report', hash: '#/p/demo-hotel/report', ready: '[data-testid="report-findings"]' },
  { name: 'settings', hash: '#/settings', ready: '[data-testid="nav-settings"]' },
];
const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const app = await openApp({ path: '/' });
try {
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const target of pages) {
        await page.evaluate((hash) => { location.hash = hash; }, target.hash);
        await page.locator(target.ready).first().waitFor();
        // Charts draw after ECharts loads; give them their first frame.
        await page.waitForTimeout(600);
        const file = join(out, `${target.name}-${size.name}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
    }
  }
  const offences = await listOffences(recorder, page);
  if (offences.length) throw new Error(offences.join('\n'));
} finally {
  await app.close();
}
