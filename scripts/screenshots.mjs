// Takes the README's screenshots of the built app (dist/) with headless Chromium:
//   node scripts/screenshots.mjs            -> docs/screenshots/*.png
// Each page at desktop (1280x800) and phone (390x844) width, light and dark.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, byTestId, REPO_ROOT, listOffences } from '../e2e/harness.mjs';

const out = join(REPO_ROOT, 'docs', 'screenshots');
await mkdir(out, { recursive: true });

const pages = [
  { name: 'projects', hash: '#/', ready: 'project-row' },
  { name: 'analysis', hash: '#/p/demo-hotel/analysis', ready: 'analysis-table' },
  { name: 'setup', hash: '#/p/demo-hotel/setup', ready: 'nav-setup' },
  { name: 'data', hash: '#/p/demo-hotel/data', ready: 'wave-table' },
  { name: 'settings', hash: '#/settings', ready: 'nav-settings' },
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
        await byTestId(page, target.ready).first().waitFor();
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
