// Takes the README's screenshots of the built app (GAPLENS_DIST, or dist/) with headless Chromium:
//   node scripts/screenshots.mjs                      -> docs/screenshots/*.png
//   node scripts/screenshots.mjs dashboard-sv kiosk   -> only the shots whose name starts so
// Each page at desktop (1280x800) and phone (390x844) width, light and dark, in English; the
// Dashboard in Swedish (desktop and phone) and Finnish (desktop); and, light only:
//   explain-desktop-light      the perception gap's explanation opened on the Dashboard, cropped
//   guide-{desktop,phone}-light the start guide part way, in a new project set up through the UI
//   kiosk-{desktop,phone}-light the running kiosk on the demo, a few answers ticked
// Every browser context is recorded like the e2e tests; any request to another origin, console
// error, page error or CSP violation fails the script (after all pictures are written).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, attachRecorder, byTestId, REPO_ROOT, listOffences } from '../e2e/harness.mjs';
import { DataPage } from '../e2e/app.pages.mjs';
import { SetupPage } from '../e2e/setup.pages.mjs';
import { Guide } from '../e2e/guide.pages.mjs';

const out = join(REPO_ROOT, 'docs', 'screenshots');
await mkdir(out, { recursive: true });

// `ready`: what must be on screen before the picture is taken.
const pages = [
  { name: 'projects', hash: '#/', ready: '[data-testid="project-row"]' },
  { name: 'dashboard', hash: '#/p/demo-hotel/dashboard', ready: '[data-testid="gap-diagram"]' },
  { name: 'journey', hash: '#/p/demo-hotel/journey', ready: '[data-testid="chart-journey-heat-map"] svg' },
  { name: 'items', hash: '#/p/demo-hotel/items', ready: '[data-testid="item-list"]' },
  { name: 'questionnaire', hash: '#/p/demo-hotel/questionnaire', ready: '[data-testid="q-form"]' },
  { name: 'data', hash: '#/p/demo-hotel/data', ready: '[data-testid="wave-table"]' },
  { name: 'analysis', hash: '#/p/demo-hotel/analysis', ready: '[data-testid="analysis-table"]' },
  { name: 'charts', hash: '#/p/demo-hotel/analysis/charts', ready: '[data-testid="chart-ipa"] svg' },
  { name: 'actions', hash: '#/p/demo-hotel/actions', ready: '[data-testid="action-row"]' },
  { name: 'report', hash: '#/p/demo-hotel/report', ready: '[data-testid="report-findings"]' },
  { name: 'glossary', hash: '#/glossary', ready: '[data-testid="glossary"]' },
  { name: 'settings', hash: '#/settings', ready: '[data-testid="nav-settings"]' },
];
const sizes = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};
// The other languages' shots: a fresh browser that asks for the language, so the first visit
// picks it (and makes the demo project in it), as a Nordic visitor's browser would.
const languages = [
  { code: 'sv', locale: 'sv-SE', sizes: ['desktop', 'phone'] },
  { code: 'fi', locale: 'fi-FI', sizes: ['desktop'] },
];
/** The new project the guide's shots set up: twelve customers on the "Small business" items. */
const CUSTOMERS = join(REPO_ROOT, 'e2e', 'fixtures', 'guide', 'customers.csv');
// Shots named on the command line (by the start of their name), or all.
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.some((start) => name.startsWith(start));

/** Writes the viewport (or `clip`) of `page` to docs/screenshots/<name>.png. */
async function shoot(page, name, clip) {
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file, clip });
  console.log(file);
}

const app = await openApp({ path: '/' });
const offences = [];

/** Runs `fn(page)` in a fresh, recorded browser context opened at `hash` (light, desktop, in
 *  `locale`), and collects the context's offences. */
async function inFreshContext({ hash, locale = 'en-US', size = 'desktop' }, fn) {
  const context = await app.browser.newContext({ locale, colorScheme: 'light', viewport: sizes[size] });
  try {
    const recorder = await attachRecorder(context, app.origin);
    const page = await context.newPage();
    await page.goto(new URL(`/${hash}`, app.url).href);
    await fn(page);
    offences.push(...(await listOffences(recorder, page)));
  } finally {
    await context.close();
  }
}

/** Each page, desktop and phone, light and dark, in the browser openApp() opened. */
async function everyPage() {
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [size, viewport] of Object.entries(sizes)) {
      await page.setViewportSize(viewport);
      for (const target of pages) {
        const name = `${target.name}-${size}-${scheme}`;
        if (!wanted(name)) continue;
        // A page opens at its top, except where its address moves to a section (the Charts);
        // without this it would keep the scroll position of the page before.
        await page.evaluate((hash) => { window.scrollTo(0, 0); location.hash = hash; }, target.hash);
        await page.locator(target.ready).first().waitFor();
        // Charts draw after ECharts loads; give them their first frame.
        await page.waitForTimeout(600);
        await shoot(page, name);
      }
    }
  }
  offences.push(...(await listOffences(recorder, page)));
}

/** The Dashboard in each other language. */
async function otherLanguages() {
  for (const language of languages) {
    for (const size of language.sizes) {
      const name = `dashboard-${language.code}-${size}-light`;
      if (!wanted(name)) continue;
      await inFreshContext({ hash: '#/p/demo-hotel/dashboard', locale: language.locale, size }, async (page) => {
        await page.locator('[data-testid="gap-diagram"]').waitFor();
        await page.waitForTimeout(600);
        await shoot(page, name);
      });
    }
  }
}

/** The perception gap's card on the Dashboard with its explanation open, cropped to the card. */
async function explanation() {
  if (!wanted('explain-desktop-light')) return;
  await inFreshContext({ hash: '#/p/demo-hotel/dashboard' }, async (page) => {
    await byTestId(page, 'gap-diagram').waitFor();
    const item = byTestId(page, 'gap-item-perception');
    await item.getByTestId('explain-perception-gap').locator('summary').click();
    await item.getByTestId('explain-perception-gap').locator('.explain-body').waitFor();
    await item.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await item.boundingBox();
    const margin = 16;
    await shoot(page, 'explain-desktop-light', {
      x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin,
    });
  });
}

/** The start guide part way, as a new user gets there with the guide's links (as
 *  e2e/guide.test.mjs does): a new project, a shorter template, a stage with a touchpoint and an
 *  item linked to it, and a file of twelve customers' answers; the management view and the
 *  actions remain to do. */
async function guide() {
  const names = ['guide-desktop-light', 'guide-phone-light'].filter(wanted);
  if (names.length === 0) return;
  await inFreshContext({ hash: '#/' }, async (page) => {
    const guide = new Guide(page);
    await guide.root().waitFor();
    await guide.link('create').click();
    await byTestId(page, 'new-project-name').fill('Café Lyktan');
    await byTestId(page, 'create-project').click();
    await guide.root().waitFor();

    await guide.follow('items', 'templates-section');
    await page.locator('[data-testid="template-choice"][value="small"]').check();
    await byTestId(page, 'apply-template').click();
    await byTestId(page, 'confirm-yes').click();
    await byTestId(page, 'template-status').filter({ hasText: '10 items' }).waitFor();
    await guide.back();

    await guide.follow('journey', 'journey-section');
    const setup = new SetupPage(page);
    await setup.addStage('Visit');
    await setup.addTouchpoint(0, { name: 'Counter', channel: 'shop', critical: true });
    const touchpoint = await page.locator('[data-testid="touchpoint-row"]').first().getAttribute('data-code');
    await setup.linkItem('KEEP1', touchpoint);
    await guide.back();

    await guide.follow('answers', 'import-file');
    const data = new DataPage(page);
    await data.import(CUSTOMERS);
    await data.result().filter({ hasText: 'imported 12 responses' }).waitFor();
    await guide.back();

    for (const name of names) {
      await page.setViewportSize(name.includes('phone') ? sizes.phone : sizes.desktop);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await shoot(page, name);
    }
  });
}

/** The kiosk running on the demo: Collect started with a PIN and CSAT and CES asked, the first
 *  answers ticked. */
async function kiosk() {
  const names = ['kiosk-desktop-light', 'kiosk-phone-light'].filter(wanted);
  if (names.length === 0) return;
  await inFreshContext({ hash: '#/p/demo-hotel/collect' }, async (page) => {
    await byTestId(page, 'collect-setup').waitFor();
    await byTestId(page, 'collect-wave').selectOption({ label: '2026 Q3' });
    for (const extra of ['csat', 'ces']) await byTestId(page, `collect-${extra}`).check();
    await byTestId(page, 'collect-pin').fill('2468');
    await byTestId(page, 'collect-pin-repeat').fill('2468');
    await byTestId(page, 'collect-start').click();
    await byTestId(page, 'kiosk-form').waitFor();
    await page.locator('[data-testid="kiosk-e-TAN1"] input[value="6"]').check();
    await page.locator('[data-testid="kiosk-p-TAN1"] input[value="5"]').check();
    await page.locator('[data-testid="kiosk-e-TAN2"] input[value="7"]').check();
    for (const name of names) {
      await page.setViewportSize(name.includes('phone') ? sizes.phone : sizes.desktop);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await shoot(page, name);
    }
  });
}

try {
  await everyPage();
  await otherLanguages();
  await explanation();
  await guide();
  await kiosk();
  if (offences.length) throw new Error(`the app was not clean while taking the screenshots:\n${offences.join('\n')}`);
} finally {
  await app.close();
}
