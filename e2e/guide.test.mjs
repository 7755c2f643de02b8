// The start guide, as a new user meets it: from an empty browser to a dashboard with a finding
// using only the guide's links (and the project's Dashboard tab to come back to it) and a file
// import; the demo's checklist complete; and pages without data saying what to do next.
// Run: GAPLENS_DIST=/path/to/dist node --test e2e/guide.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, assertClean, byTestId, screenshot, REPO_ROOT } from './harness.mjs';
import { ProjectsPage, DataPage } from './app.pages.mjs';
import { SetupPage } from './setup.pages.mjs';
import { ManagementForm } from './data-entry.pages.mjs';
import { ActionsPage } from './actions.pages.mjs';
import { Guide } from './guide.pages.mjs';

const DIST = process.env.GAPLENS_DIST || 'dist';
const KINDS = ['items', 'journey', 'questionnaire', 'answers', 'management', 'dashboard', 'actions'];
/** Twelve customers on the "Small business" items, one wave: KEEP1 and QUICK1 fall clearly short. */
const CUSTOMERS = join(REPO_ROOT, 'e2e', 'fixtures', 'guide', 'customers.csv');

/** The id of the focused element's data-testid, once it is `expected` (or after 5 s). */
async function focused(page, expected) {
  await page.waitForFunction((id) => document.activeElement?.dataset.testid === id, expected, { timeout: 5000 }).catch(() => {});
  return page.evaluate(() => document.activeElement?.dataset.testid);
}

/** Back on the Dashboard: the steps done and the one emphasised next. */
async function progress(guide) {
  await guide.back();
  return { done: await guide.done(), next: await guide.next() };
}

test('a new user follows the start guide from an empty browser to a dashboard with a finding', async (t) => {
  const app = await openApp({ dir: DIST, path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  const guide = new Guide(page);

  // The Projects page of a new browser: only the demo, so the guide starts with creating a project.
  await guide.root().waitFor();
  const first = await guide.steps();
  assert.deepEqual(first.map((s) => s.kind), ['create', ...KINDS]);
  assert.deepEqual(first.map((s) => s.word), Array(8).fill('To do'));
  assert.equal(await guide.next(), 'create');
  assert.equal(await guide.link('items').count(), 0, 'the steps link somewhere only once a project exists');
  await guide.link('create').click();
  assert.equal(await focused(page, 'new-project-name'), 'new-project-name', 'the link moves to the name field');
  await page.keyboard.type('Café Lyktan');
  await byTestId(page, 'create-project').click();

  // The new project opens on its Dashboard, the checklist first: the template gave it items.
  await guide.root().waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/p\/p-[^/]+\/dashboard$/);
  assert.equal(await guide.root().getAttribute('data-complete'), 'false');
  assert.equal(await guide.root().evaluate((d) => d.open), true, 'open while steps remain');
  let steps = await guide.steps();
  assert.deepEqual(steps.map((s) => s.kind), KINDS);
  assert.deepEqual(steps.map((s) => s.word), ['Done', 'To do', 'To do', 'To do', 'To do', 'To do', 'To do']);
  assert.deepEqual(steps.map((s) => s.state), ['22 items', 'No stages yet', 'Ready to print or hand out',
    'No customer answers yet', 'No management view yet', 'Needs at least 10 customer answers', 'No actions yet']);
  assert.equal(await guide.next(), 'journey');
  assert.match(await byTestId(page, 'guide-progress').innerText(), /1 of 7 steps done/);
  await byTestId(page, 'empty-state').waitFor();

  // 1. Items: a shorter template, chosen on the Items page.
  await guide.follow('items', 'templates-section');
  await page.locator('[data-testid="template-choice"][value="small"]').check();
  await byTestId(page, 'apply-template').click();
  await byTestId(page, 'confirm-yes').click();
  await byTestId(page, 'template-status').filter({ hasText: '10 items' }).waitFor();
  assert.deepEqual(await progress(guide), { done: ['items'], next: 'journey' });
  assert.equal((await guide.steps())[0].state, '10 items');

  // 2. Journey: a stage, a touchpoint, an item linked to it.
  await guide.follow('journey', 'journey-section');
  const setup = new SetupPage(page);
  await setup.addStage('Visit');
  await setup.addTouchpoint(0, { name: 'Counter', channel: 'shop', critical: true });
  const touchpoint = await page.locator('[data-testid="touchpoint-row"]').first().getAttribute('data-code');
  await guide.back();
  assert.equal((await guide.steps())[1].state, '1 touchpoint, no items linked yet');
  assert.equal((await guide.steps())[1].done, false, 'a journey with no item linked is not set up yet');
  await guide.follow('journey', 'links-section');
  await setup.linkItem('KEEP1', touchpoint);
  assert.deepEqual(await progress(guide), { done: ['items', 'journey'], next: 'questionnaire' });
  assert.equal((await guide.steps())[1].state, '1 touchpoint, 1 item linked');

  // 3. The questionnaire: its page opens; the step turns done once customers have answered.
  await guide.follow('questionnaire', 'questionnaire');
  await page.locator('[data-testid="q-item"][data-code="KEEP1"]').first().waitFor();
  assert.deepEqual(await progress(guide), { done: ['items', 'journey'], next: 'questionnaire' });

  // 4. Answers: a CSV file of twelve customers, imported on the Data page.
  await guide.follow('answers', 'import-file');
  await byTestId(page, 'empty-state').filter({ hasText: 'No responses yet' }).waitFor();
  const data = new DataPage(page);
  await data.import(CUSTOMERS);
  await data.result().filter({ hasText: 'imported 12 responses' }).waitFor();
  assert.deepEqual(await progress(guide), {
    done: ['items', 'journey', 'questionnaire', 'answers', 'dashboard'],
    next: 'management',
  });
  steps = await guide.steps();
  assert.equal(steps[2].state, 'Customers have answered it');
  assert.equal(steps[3].state, '12 customers have answered');
  assert.match(steps[5].state, /gaps? with a finding/);
  // The guide half-way (the README's copy comes from scripts/screenshots.mjs), and the same at
  // phone width (no sideways scroll).
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'guide-desktop-light');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the guide scrolls sideways by ${overflow}px on a phone`);
  await screenshot(page, 'guide-phone-light');
  await page.setViewportSize({ width: 1280, height: 800 });

  // 5. The management view: one manager's M and S, entered on the Data page.
  await guide.follow('management', 'management-section');
  const form = new ManagementForm(page);
  await form.fill({ id: 'Lena (owner)', wave: '2026 Q1', answers: { KEEP1: ['5', '7'], QUICK1: ['5', '6'], CARE1: ['6', '6'] } });
  await form.save();
  await form.saved().filter({ hasText: 'Saved' }).waitFor();
  assert.deepEqual(await progress(guide), {
    done: ['items', 'journey', 'questionnaire', 'answers', 'management', 'dashboard'],
    next: 'actions',
  });
  assert.equal((await guide.steps())[4].state, "1 manager's view");

  // 6. The dashboard: the perception gap is a finding, and KEEP1 is the first thing to fix.
  await guide.follow('dashboard', 'gap-diagram');
  assert.match(await page.locator('[data-testid="gap-item-perception"] [data-testid="gap-status"]').innerText(), /finding: shortfall/);
  assert.match(await byTestId(page, 'dash-priorities').innerText(), /KEEP1/);
  await byTestId(page, 'dash-no-scores').waitFor();

  // 7. Actions: the root cause of KEEP1's shortfall and what is done about it.
  await guide.follow('actions', 'actions-priorities');
  const actions = new ActionsPage(page);
  await actions.start('KEEP1');
  await actions.fill({
    whys: ['Jobs finish later than promised.', 'Quotes do not include the time for ordering parts.'],
    owner: 'Lena',
    due: '2026-12-15',
    text: 'Add the parts lead time to every quote.',
  });
  await actions.save();
  await byTestId(page, 'actions-saved').waitFor();

  // Every step done: the checklist folds away, one click opens it again.
  await guide.back();
  assert.deepEqual(await guide.done(), KINDS);
  assert.equal(await guide.next(), null);
  assert.equal(await guide.root().getAttribute('data-complete'), 'true');
  assert.equal(await guide.root().evaluate((d) => d.open), false, 'folded once complete');
  assert.match(await byTestId(page, 'guide-progress').innerText(), /All 7 steps done/);
  await guide.root().locator('summary').click();
  await guide.step('actions').getByTestId('guide-state').filter({ hasText: '1 action decided' }).waitFor();

  // The Projects page says the same in one line per project.
  await new ProjectsPage(page).goto();
  const row = new ProjectsPage(page).row('Café Lyktan');
  assert.match(await row.getByTestId('guide-compact').innerText(), /Start guide: all 7 steps done\./);
  assert.equal(await byTestId(page, 'guide').count(), 0, 'the first-visit guide is gone once a project of your own exists');
  await assertClean(recorder, page);
});

test("the demo project's checklist is complete and folded, and its links lead to each step's page", async (t) => {
  const app = await openApp({ dir: DIST, path: '/#/p/demo-hotel/dashboard' });
  t.after(app.close);
  const { page, recorder } = app;
  const guide = new Guide(page);
  await guide.root().waitFor();
  assert.equal(await guide.root().getAttribute('data-complete'), 'true');
  assert.equal(await guide.root().evaluate((d) => d.open), false);
  const steps = await guide.steps();
  assert.deepEqual(steps.map((s) => s.kind), KINDS);
  assert.deepEqual(steps.map((s) => s.word), Array(7).fill('Done'));
  assert.equal(steps[0].state, '22 items');
  assert.match(steps[5].state, /\d+ gaps with a finding/);
  const hrefs = [];
  for (const kind of KINDS) hrefs.push(await guide.link(kind).getAttribute('href'));
  assert.deepEqual(hrefs, ['items', 'journey', 'questionnaire', 'data', 'data', 'dashboard', 'actions']
    .map((page) => `#/p/demo-hotel/${page}`));

  // On the Projects page: the demo's line says all done; the first-visit guide links to it.
  await byTestId(page, 'nav-projects').click();
  const row = new ProjectsPage(page).byId('demo-hotel');
  assert.match(await row.getByTestId('guide-compact').innerText(), /all 7 steps done/);
  await byTestId(page, 'guide-demo-link').click();
  await guide.root().waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/p/demo-hotel/dashboard');
  await assertClean(recorder, page);
});

test('pages without data say what to do next and link there; none shows an empty chart or table', async (t) => {
  const app = await openApp({ dir: DIST, path: '/' });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'project-row').first().waitFor();
  await new ProjectsPage(page).create('Empty café');
  const id = (await page.evaluate(() => location.hash)).split('/')[2];

  for (const path of ['dashboard', 'data', 'analysis', 'analysis/charts', 'analysis/gap-perception', 'actions', 'report']) {
    await page.evaluate((hash) => { location.hash = hash; }, `#/p/${id}/${path}`);
    const empty = byTestId(page, 'empty-state').first();
    await empty.waitFor();
    const links = await empty.locator('a[href^="#/p/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0, `${path}: the empty state links to where to go next`);
    const charts = await page.locator('main [data-testid^="chart-"], main canvas, main [data-testid="gap-diagram"]').count();
    assert.equal(charts, 0, `${path}: no empty chart`);
    // A visible table with no rows, or whose cells hold only dashes and no fields to fill in.
    const emptyTables = await page.locator('main table').evaluateAll((tables) => tables.filter((table) => {
      if (table.offsetParent === null || table.querySelector('input, select, textarea')) return false;
      const cells = [...table.querySelectorAll('tbody td')].map((td) => td.textContent.trim());
      return cells.every((text) => text === '' || text === '–');
    }).length);
    assert.equal(emptyTables, 0, `${path}: no empty table or table of dashes`);
  }
  // The Data page points at the questionnaire, which the guide's next steps follow.
  await page.evaluate((hash) => { location.hash = hash; }, `#/p/${id}/data`);
  const data = byTestId(page, 'empty-state').first();
  await data.getByRole('link').click();
  await byTestId(page, 'questionnaire').waitFor();

  // With every project deleted, the Projects page says how to start.
  for (const row of ['Empty café', 'Hotel Fjordgården (demo)']) {
    const projects = new ProjectsPage(page);
    await projects.goto();
    await projects.row(row).getByTestId('delete-project').click();
    await projects.row(row).getByTestId('confirm-yes').click();
    await projects.row(row).waitFor({ state: 'detached' });
  }
  const empty = byTestId(page, 'empty-state');
  await empty.waitFor();
  await empty.getByTestId('empty-create-link').click();
  assert.equal(await focused(page, 'new-project-name'), 'new-project-name');
  await assertClean(recorder, page);
});
