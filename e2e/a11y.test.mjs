// Accessibility (issue 7): axe-core (from node_modules, no CDN) on every page of the demo
// project, in light and dark, fails on any serious or critical violation. The Analysis page is
// checked with its charts drawn and their number tables open; the kiosk of Collect is checked
// running. Pages that this build does not have yet ("Page not found") are skipped, saying so.
//
// Run: GAPLENS_DIST=/tmp/dist-x node --test e2e/a11y.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { openApp, assertClean, byTestId } from './harness.mjs';
import { ChartsSection } from './charts.pages.mjs';

const DEMO = 'demo-hotel';
const T = { timeout: 300_000 };

/** The project tab that is current on a project page: the page has been rendered. */
const tab = (slug) => (page) => page.locator(`[data-testid="nav-${slug}"][aria-current="page"]`).waitFor();
const shown = (testid) => (page) => byTestId(page, testid).first().waitFor();

/** Every page, by its address; `ready` waits until the page (and what it draws late) is there. */
export const PAGES = [
  { name: 'Projects', hash: '#/', ready: shown('project-row') },
  { name: 'Settings', hash: '#/settings', ready: shown('settings-language') },
  { name: 'Glossary', hash: '#/glossary', ready: shown('glossary') },
  { name: 'Dashboard', hash: `#/p/${DEMO}/dashboard`, ready: tab('dashboard') },
  { name: 'Journey', hash: `#/p/${DEMO}/journey`, ready: tab('journey') },
  { name: 'Items', hash: `#/p/${DEMO}/items`, ready: tab('items') },
  { name: 'Data', hash: `#/p/${DEMO}/data`, ready: tab('data') },
  {
    name: 'Analysis',
    hash: `#/p/${DEMO}/analysis`,
    ready: async (page) => {
      await tab('analysis')(page);
      await byTestId(page, 'charts').waitFor();
      await new ChartsSection(page).waitDrawn();
      // The charts' number tables too, as a reader who opens them sees them.
      await page.evaluate(() => document.querySelectorAll('details.chart-numbers').forEach((d) => { d.open = true; }));
    },
  },
  { name: 'Actions', hash: `#/p/${DEMO}/actions`, ready: tab('actions') },
  { name: 'Report', hash: `#/p/${DEMO}/report`, ready: tab('report') },
  { name: 'Questionnaire', hash: `#/p/${DEMO}/questionnaire`, ready: shown('questionnaire') },
  { name: 'Collect', hash: `#/p/${DEMO}/collect`, ready: shown('collect-setup') },
];

const SERIOUS = new Set(['serious', 'critical']);

/** Serious and critical violations on the page as it is now, one readable line per element. */
export async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  assert.ok(results.passes.length > 10, `axe ran (${results.passes.length} rules passed on ${page.url()})`);
  const lines = [];
  for (const v of results.violations.filter((x) => SERIOUS.has(x.impact))) {
    for (const node of v.nodes) {
      lines.push(`${v.impact} ${v.id} (${v.help}): ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}\n      ${node.html.slice(0, 200)}`);
    }
  }
  return lines;
}

/** Shows the page at `hash`; false when this build does not have it ("Page not found"). */
async function showPage(page, origin, { hash, ready }) {
  await page.goto(`${origin}/${hash}`);
  const notFound = page.locator('main h1', { hasText: /^Page not found$/ });
  // The loser of the race keeps waiting until it times out or the page closes; both are caught.
  const outcome = await Promise.race([
    ready(page).then(() => 'ready', (error) => error),
    notFound.waitFor().then(() => 'missing', () => new Promise(() => {})),
  ]);
  if (outcome instanceof Error) throw outcome;
  if (outcome === 'missing') return false;
  // Let late renders (lazy sections, focus moves) settle.
  await page.waitForTimeout(300);
  return true;
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation on any page (${scheme})`, T, async (t) => {
    const app = await openApp({ path: '/' });
    t.after(app.close);
    const { page, recorder, origin } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await byTestId(page, 'project-row').first().waitFor();
    const found = [];
    for (const entry of PAGES) {
      if (!(await showPage(page, origin, entry))) {
        t.diagnostic(`${entry.name}: not in this build, skipped`);
        continue;
      }
      for (const line of await seriousViolations(page)) found.push(`${entry.name}: ${line}`);
    }
    assert.deepEqual(found, [], `serious or critical accessibility violations (${scheme}):\n${found.join('\n')}`);
    await assertClean(recorder, page);
  });
}

test('axe finds no serious or critical violation in the running kiosk', T, async (t) => {
  const app = await openApp({ path: '/' });
  t.after(app.close);
  const { page, recorder, origin } = app;
  await byTestId(page, 'project-row').first().waitFor();
  if (!(await showPage(page, origin, PAGES.find((p) => p.name === 'Collect')))) {
    t.skip('no Collect page in this build');
    return;
  }
  await byTestId(page, 'collect-pin').fill('2468');
  await byTestId(page, 'collect-pin-repeat').fill('2468');
  await byTestId(page, 'collect-start').click();
  await byTestId(page, 'kiosk').waitFor();
  await page.waitForTimeout(300);
  const found = await seriousViolations(page);
  assert.deepEqual(found, [], `serious or critical accessibility violations in the kiosk:\n${found.join('\n')}`);
  await assertClean(recorder, page);
});
