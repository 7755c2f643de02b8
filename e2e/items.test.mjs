// The Journey and Items pages, templates and the demo reset. Every test starts from a fresh
// browser profile (the demo project is seeded on first visit) and ends with assertClean.
//
//   GAPLENS_DIST=/tmp/items-dist node --test e2e/items.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage } from './app.pages.mjs';
import { SetupPage, storedProject } from './setup.pages.mjs';

const DEMO = 'demo-hotel';
const dist = () => process.env.GAPLENS_DIST || 'dist';

async function start(t, path = '/') {
  const app = await openApp({ dir: dist(), path });
  t.after(app.close);
  return { ...app, setup: new SetupPage(app.page) };
}

const demoProject = (page) => storedProject(page, DEMO).then((doc) => doc.project);

/** Horizontal overflow of the page in pixels (0 when nothing sticks out). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Screenshots at desktop and phone width, light and dark; fails when the page overflows sideways. */
async function look(page, name) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height, size] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
      await page.setViewportSize({ width, height });
      const over = await overflow(page);
      assert.ok(over <= 0, `${name} (${size}, ${scheme}) is ${over}px wider than the screen`);
      await screenshot(page, `${name}-${size}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the demo Journey page shows its stages, owners and heat map; a stage is added, moved, renamed and deleted; a reload keeps it', async (t) => {
  const { page, recorder, setup } = await start(t, `/#/p/${DEMO}/journey`);
  await setup.get('journey-section').waitFor();
  await setup.stageAt(0).waitFor();
  const stages = (await demoProject(page)).journey.stages.map((s) => s.name);
  assert.ok(stages.length >= 3, 'the demo has a journey');
  assert.deepEqual(await setup.stageNames(), stages);
  await setup.get('channel-owners').waitFor();
  assert.ok(await setup.get('channel-owner-row').count() >= 2);
  await setup.get('item-links').waitFor();
  await setup.get('chart-journey-heat-map').waitFor({ state: 'attached' });
  await look(page, 'journey-demo');

  // Add a stage: it comes last; move it up; rename it.
  await setup.addStage('Feedback');
  const last = stages.length;
  assert.deepEqual(await setup.stageNames(), [...stages, 'Feedback']);
  await setup.stageAt(last).getByTestId('stage-up').click();
  await setup.get('journey-status').filter({ hasText: `Stage “Feedback” is now number ${last}.` }).waitFor();
  assert.deepEqual(await setup.stageNames(), [...stages.slice(0, -1), 'Feedback', stages.at(-1)]);
  const name = setup.stageAt(last - 1).getByTestId('stage-name');
  await name.fill('Follow-up');
  await name.press('Enter');
  await setup.get('journey-status').filter({ hasText: 'Stage renamed to “Follow-up”.' }).waitFor();
  const expected = [...stages.slice(0, -1), 'Follow-up', stages.at(-1)];
  assert.deepEqual((await demoProject(page)).journey.stages.map((s) => s.name), expected);

  // A reload keeps it.
  await page.reload();
  await setup.stageAt(last).waitFor();
  assert.deepEqual(await setup.stageNames(), expected);

  // A stage without touchpoints is deleted at once.
  await setup.stageAt(last - 1).getByTestId('stage-delete').click();
  await setup.get('journey-status').filter({ hasText: 'Stage “Follow-up” deleted.' }).waitFor();
  assert.deepEqual(await setup.stageNames(), stages);
  await assertClean(recorder, page);
});

test('Items page: a dimension and an item are added, edited, moved and removed; refused changes say why; a reload keeps it', async (t) => {
  const { page, recorder, setup } = await start(t, '/');
  await byTestId(page, 'project-row').first().waitFor();
  await new ProjectsPage(page).create('Café Lyktan');
  await setup.items();
  const project = () => storedProject(page).then((doc) => doc.project);

  // A dimension: its code is made from the name.
  await setup.addDimension('Value for money');
  await setup.dimension('valueformone').waitFor();
  assert.equal(await setup.get('dimensions-status').innerText(), 'Dimension “Value for money” added with the code valueformone.');
  await setup.addDimension('Again', 'REL');
  assert.equal(await setup.get('dimension-problem').innerText(),
    'Dimension not added: the dimension code "REL" is already used in this project.');
  assert.equal(await setup.get('new-dimension-code').getAttribute('aria-invalid'), 'true');
  // Rename it.
  await setup.dimension('valueformone').getByTestId('dimension-name').fill('Value');
  await setup.dimension('valueformone').getByTestId('dimension-rename').click();
  await setup.get('dimensions-status').filter({ hasText: 'Dimension renamed to “Value”.' }).waitFor();

  // An item: the code must be new, the dimension chosen.
  await setup.addItem({ code: 'rel1', dimension: 'valueformone', text: 'Prices are fair.' });
  const add = setup.get('add-item-form');
  assert.equal(await add.getByTestId('item-problem').innerText(),
    'Item not added: the item code "rel1" is already used in this project.');
  assert.equal(await add.getByTestId('item-code-input').getAttribute('aria-invalid'), 'true');
  await setup.fillItem(add, { code: 'VAL1' });
  await add.getByTestId('item-save').click();
  await setup.item('VAL1').waitFor();
  assert.equal(await setup.get('items-status').innerText(), 'Item VAL1 added.');
  assert.equal((await setup.itemCodes()).at(-1), 'VAL1');
  assert.equal(await setup.item('VAL1').getByTestId('item-dimension').innerText(), 'Value');

  // Edit: text and dimension; a blank text is refused.
  await setup.item('VAL1').getByTestId('item-edit').click();
  const edit = setup.item('VAL1').getByTestId('edit-item-form');
  await setup.fillItem(edit, { text: '  ' });
  await edit.getByTestId('item-save').click();
  assert.equal(await edit.getByTestId('item-problem').innerText(), 'Item not saved: the item text must not be empty.');
  await setup.fillItem(edit, { text: 'Prices are fair for what you get.', dimension: 'rel' });
  await edit.getByTestId('item-save').click();
  await edit.waitFor({ state: 'detached' });
  assert.equal(await setup.item('VAL1').getByTestId('item-text').innerText(), 'Prices are fair for what you get.');
  assert.equal(await setup.item('VAL1').getByTestId('item-dimension').innerText(), 'Reliability');

  // Move it up one place.
  await setup.item('VAL1').getByTestId('item-up').click();
  await setup.get('items-status').filter({ hasText: 'Item VAL1 is now number 22.' }).waitFor();
  assert.deepEqual((await setup.itemCodes()).slice(-2), ['VAL1', 'EMP5']);

  // A dimension with items is not removed, and says why; an empty one is.
  await setup.dimension('rel').getByTestId('dimension-remove').click();
  assert.equal(await setup.dimension('rel').getByTestId('dimension-row-problem').innerText(),
    'Dimension not removed: the dimension "Reliability" still has 6 items; move them to another dimension or remove them first.');
  await setup.dimension('valueformone').getByTestId('dimension-remove').click();
  await setup.dimension('valueformone').waitFor({ state: 'detached' });

  // Removing an item asks first, and says what happens to answers.
  await setup.item('VAL1').getByTestId('item-remove').click();
  const confirm = setup.item('VAL1').getByTestId('confirm');
  assert.match(await confirm.innerText(), /Remove the item VAL1 “Prices are fair for what you get\.”\? Nobody has answered it yet\./);
  await confirm.getByTestId('confirm-yes').click();
  await setup.item('VAL1').waitFor({ state: 'detached' });
  await look(page, 'items-new-project');

  // A reload keeps it all.
  await page.reload();
  await setup.item('EMP5').waitFor();
  assert.equal(await setup.item('VAL1').count(), 0);
  assert.equal(await setup.dimension('valueformone').count(), 0);
  const stored = await project();
  assert.equal(stored.items.length, 22);
  assert.deepEqual(stored.dimensions.map((d) => d.code), ['tan', 'rel', 'res', 'ass', 'emp']);
  await assertClean(recorder, page);
});

test('in the demo, answered items keep their code, removing one says its answers are no longer analysed, and templates are refused', async (t) => {
  const { page, recorder, setup } = await start(t, `/#/p/${DEMO}/items`);
  await setup.get('items-section').waitFor();
  const code = (await demoProject(page)).items[0].code;
  const row = setup.item(code);
  await row.getByTestId('item-answers').waitFor();
  await row.getByTestId('item-edit').click();
  const edit = row.getByTestId('edit-item-form');
  assert.equal(await edit.getByTestId('item-code-input').getAttribute('readonly'), '');
  assert.match(await edit.innerText(), /Fixed: answers are stored under this code/);
  await edit.getByTestId('item-cancel').click();
  await row.getByTestId('item-remove').click();
  assert.match(await row.getByTestId('confirm').innerText(), /they are kept, but no longer analysed/);
  await page.keyboard.press('Escape');
  await row.getByTestId('confirm').waitFor({ state: 'detached' });

  await setup.get('templates-section').getByText('Small business, 10 items').click();
  await setup.get('apply-template').click();
  assert.match(await setup.get('template-problem').innerText(), /^Template not applied: this project has \d+ responses/);
  assert.equal(await byTestId(page, 'confirm').count(), 0);
  assert.equal((await demoProject(page)).items[0].code, code);
  await look(page, 'items-demo');
  await assertClean(recorder, page);
});

test('a project created from the web-shop template shows its journey; another template replaces its items after confirmation', async (t) => {
  const { page, recorder, setup } = await start(t, '/');
  await byTestId(page, 'project-row').first().waitFor();
  await byTestId(page, 'new-project-template').selectOption('webshop');
  assert.match(await byTestId(page, 'template-summary').innerText(), /search, order, delivery, invoice, support/);
  await new ProjectsPage(page).create('Nordljus Webshop');
  await setup.journey();
  assert.deepEqual(await setup.stageNames(), ['Search', 'Order', 'Delivery', 'Invoice', 'Support']);
  assert.equal(await setup.itemLink('SHIP1').inputValue(), 'parcel');
  assert.equal(await setup.touchpoint('invoice').getByTestId('touchpoint-channel').inputValue(), 'invoice');
  assert.equal(await setup.ownerWarnings().count(), 0, 'one owner per channel');
  await look(page, 'journey-webshop');

  await setup.items();
  assert.equal((await setup.itemCodes()).length, 14);
  await setup.get('templates-section').getByText('Small business, 10 items').click();
  await setup.get('apply-template').click();
  const confirm = setup.get('templates-section').getByTestId('confirm');
  assert.match(await confirm.innerText(),
    /Replace the 14 items and 5 dimensions of this project with “Small business, 10 items”\? The journey stays/);
  await confirm.getByTestId('confirm-no').click();
  assert.equal((await setup.itemCodes()).length, 14, 'cancel changes nothing');
  await setup.get('apply-template').click();
  await confirm.getByTestId('confirm-yes').click();
  await setup.get('template-status').filter({ hasText: 'applied: 10 items' }).waitFor();
  assert.deepEqual(await setup.itemCodes(),
    ['LOOK1', 'LOOK2', 'KEEP1', 'KEEP2', 'QUICK1', 'QUICK2', 'TRUST1', 'TRUST2', 'CARE1', 'CARE2']);
  await page.reload();
  await setup.item('CARE2').waitFor();
  const stored = (await storedProject(page)).project;
  assert.equal(stored.items.length, 10);
  assert.equal(stored.journey.stages.length, 5, 'the journey stays');
  await assertClean(recorder, page);
});

test('the demo is reset to its original state after confirmation', async (t) => {
  const { page, recorder, setup } = await start(t, `/#/p/${DEMO}/journey`);
  await setup.stageAt(0).waitFor();
  const original = await demoProject(page);
  await setup.addStage('Temporary');
  await setup.stageAt(original.journey.stages.length).waitFor();

  await byTestId(page, 'nav-projects').click();
  await byTestId(page, 'reset-demo').click();
  assert.match(await byTestId(page, 'confirm').innerText(), /Reset the demo project to how it was first shown\?/);
  await byTestId(page, 'confirm-no').click();
  assert.equal((await demoProject(page)).journey.stages.length, original.journey.stages.length + 1, 'cancel keeps the change');
  await byTestId(page, 'reset-demo').click();
  await byTestId(page, 'confirm-yes').click();
  await byTestId(page, 'confirm').waitFor({ state: 'detached' });
  await page.waitForFunction((n) => {
    const doc = JSON.parse(localStorage.getItem('gaplens/project/demo-hotel'));
    return doc.project.journey.stages.length === n;
  }, original.journey.stages.length);
  assert.deepEqual(await demoProject(page), original);
  await screenshot(page, 'projects-demo-reset');

  await page.reload();
  await byTestId(page, 'reset-demo').waitFor();
  await byTestId(page, 'project-row').first().getByTestId('open-project').waitFor();
  await page.goto(new URL(`/#/p/${DEMO}/journey`, page.url()).href);
  await setup.stageAt(0).waitFor();
  assert.deepEqual(await setup.stageNames(), original.journey.stages.map((s) => s.name));
  await assertClean(recorder, page);
});
