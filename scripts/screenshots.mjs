// Takes the README's screenshots of the built app (dist/) with headless Chromium:
//   node scripts/screenshots.mjs                      -> docs/screenshots/*.png
//   node scripts/screenshots.mjs dashboard-sv dashboard-fi   -> only the shots named so
// Each page at desktop (1280x800) and phone (390x844) width, light and dark, in English; and
// the Dashboard in Swedish and Finnish (dashboard-sv-desktop-light.png, dashboard-fi-…).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, attachRecorder, byTestId, REPO_ROOT, listOffences } from '../e2e/harness.mjs';

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
// The other languages' shots: a fresh browser that asks for the language, so the first visit
// picks it (and makes the demo project in it), as a Nordic visitor's browser would.
const languages = [
  { code: 'sv', locale: 'sv-SE' },
  { code: 'fi', locale: 'fi-FI' },
];
// Shots named on the command line (by the start of their name), or all.
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.some((start) => name.startsWith(start));

const app = await openApp({ path: '/' });
try {
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const target of pages) {
        if (!wanted(`${target.name}-${size.name}-${scheme}`)) continue;
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
  for (const language of languages) {
    const name = `dashboard-${language.code}-desktop-light`;
    if (!wanted(name)) continue;
    const context = await app.browser.newContext({ locale: language.locale, colorScheme: 'light', viewport: { width: 1280, height: 800 } });
    try {
      const languageRecorder = await attachRecorder(context, app.origin);
      const languagePage = await context.newPage();
      await languagePage.goto(new URL('/#/p/demo-hotel/dashboard', app.url).href);
      await languagePage.locator('[data-testid="gap-diagram"]').waitFor();
      await languagePage.waitForTimeout(600);
      const file = join(out, `${name}.png`);
      await languagePage.screenshot({ path: file });
      console.log(file);
      offences.push(...(await listOffences(languageRecorder, languagePage)));
    } finally {
      await context.close();
    }
  }
  if (offences.length) throw new Error(offences.join('\n'));
} finally {
  await app.close();
}
