// The Journey and Items pages (once one Setup page): survey type, journey, item links,
// standards, promises. Every test starts from a fresh browser profile, works on a new project,
// and ends with assertClean.
//
//   GAPLENS_DIST=/tmp/setup-dist node --test e2e/setup.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage } from './app.pages.mjs';
import { SetupPage, storedProject, storageSnapshot } from './setup.pages.mjs';

async function start(t, name = 'Fjällbo Bygg AB') {
  const app = await openApp({ dir: process.env.GAPLENS_DIST || 'dist', path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  await new ProjectsPage(app.page).create(name);
  const setup = new SetupPage(app.page);
  await setup.journey();
  return { ...app, setup };
}

test('a new project is set up: survey type, journey, links, standard, promise; it survives a reload; a stage is deleted after confirmation', async (t) => {
  const { page, recorder, setup } = await start(t);
  const project = () => storedProject(page).then((doc) => doc.project);

  // Survey type: E and P by default; switching says what changes.
  await setup.items();
  assert.equal(await setup.get('survey-ep').isChecked(), true);
  assert.match(await setup.get('survey-section').innerText(), /gaps that need expectations are then not computed/i);
  await setup.chooseSurvey(true);
  assert.match(await setup.get('survey-status').innerText(), /perception gap and the knowledge gap are no longer computed/);
  assert.equal((await project()).perception_only, true);

  // Journey: a stage and two touchpoints.
  await setup.journey();
  await byTestId(page, 'no-stages').waitFor();
  await setup.addStage('  Booking  ');
  assert.deepEqual(await setup.stageNames(), ['Booking']);
  await setup.addTouchpoint(0, { name: 'Booking on the website', channel: 'web', critical: true, owner: 'Sara Lind' });
  await setup.addTouchpoint(0, { name: 'Booking app', channel: 'web', owner: 'Jonas Berg' });
  assert.deepEqual(await setup.touchpointFields('booking-on-the-website'),
    { name: 'Booking on the website', channel: 'web', critical: true, owner: 'Sara Lind' });
  // Two owners for one channel: a gentle warning in words, gone once they agree.
  assert.match(await setup.ownerWarnings().innerText(), /The web or app channel has 2 owners: Sara Lind and Jonas Berg\. One owner per channel/);
  await screenshot(page, 'setup-owner-warning');
  const app = setup.touchpoint('booking-app');
  await app.getByTestId('touchpoint-owner').fill('Sara Lind');
  await app.getByTestId('touchpoint-unsaved').waitFor();
  await app.getByTestId('touchpoint-owner').press('Enter');
  await setup.get('journey-status').filter({ hasText: 'Touchpoint “Booking app” saved.' }).waitFor();
  assert.equal(await setup.ownerWarnings().count(), 0);
  assert.equal(await app.getByTestId('touchpoint-unsaved').count(), 0);
  assert.equal(await byTestId(page, 'channel-owner').innerText(), 'Sara Lind');

  // A touchpoint name is required, and the message names the field.
  await setup.stageAt(0).getByTestId('add-touchpoint').click();
  assert.equal(await setup.stageAt(0).getByTestId('new-touchpoint-problem').innerText(),
    'Touchpoint not added: the touchpoint name must not be empty.');
  assert.equal(await setup.stageAt(0).getByTestId('touchpoint-row').count(), 2);

  // Link an item to a touchpoint.
  await setup.linkItem('REL1', 'booking-on-the-website');
  assert.equal(await setup.get('links-status').innerText(), 'REL1 linked to “Booking on the website”.');

  // A standard with a KPI: a bad number is refused with the field named, and nothing is stored.
  await setup.items();
  const before = await storageSnapshot(page);
  const standard = { text: 'Confirm every booking quickly', item: 'REL1', touchpoint: 'booking-on-the-website', direction: '≤', target: '2,5 min', unit: 'min' };
  await setup.submitStandard(standard);
  const addStandard = setup.get('add-standard');
  assert.equal(await addStandard.getByTestId('standard-problem').innerText(),
    'Standard not added: the KPI target "2,5 min" is not a number (write e.g. 20 or 2,5).');
  assert.equal(await addStandard.getByTestId('standard-kpi-target').getAttribute('aria-invalid'), 'true');
  assert.equal(await setup.standards().count(), 0);
  assert.deepEqual(await storageSnapshot(page), before, 'a refused standard changes nothing stored');
  // Fix the number (decimal comma) and add it.
  await addStandard.getByTestId('standard-kpi-target').fill('2,5');
  await addStandard.getByTestId('standard-save').click();
  await setup.standards().first().waitFor();
  assert.equal(await addStandard.getByTestId('standard-problem').innerText(), '');
  assert.equal(await addStandard.getByTestId('standard-text-input').inputValue(), '', 'the add form is cleared');
  const row = setup.standards().first();
  assert.equal(await row.getAttribute('data-id'), 's1');
  assert.equal(await row.getByTestId('standard-kpi').innerText(), '≤ 2.5 min');
  assert.equal(await row.getByTestId('standard-touchpoint').innerText(), 'Booking on the website');

  // A promise: a level outside the 1–7 scale is refused; a decimal comma is fine.
  const beforePromise = await storageSnapshot(page);
  await setup.submitPromise({ item: 'REL1', text: 'Booked in two minutes, always', channel: 'social', level: '9' });
  const addPromise = setup.get('add-promise');
  assert.equal(await addPromise.getByTestId('promise-problem').innerText(),
    "Promise not added: the promised level 9 is outside the project's scale 1–7.");
  assert.equal(await addPromise.getByTestId('promise-level-input').getAttribute('aria-invalid'), 'true');
  assert.equal(await setup.promises().count(), 0);
  assert.deepEqual(await storageSnapshot(page), beforePromise, 'a refused promise changes nothing stored');
  await addPromise.getByTestId('promise-level-input').fill('6,5');
  await addPromise.getByTestId('promise-save').click();
  await setup.promises().first().waitFor();
  assert.equal(await setup.promises().first().getByTestId('promise-level').innerText(), '6.5');
  assert.equal(await setup.promises().first().getByTestId('promise-channel').innerText(), 'Social media');

  // Stored as the model says.
  const stored = await project();
  assert.equal(stored.perception_only, true);
  assert.deepEqual(stored.journey.stages.map((s) => [s.name, s.touchpoints.map((tp) => tp.code)]),
    [['Booking', ['booking-on-the-website', 'booking-app']]]);
  assert.equal(stored.items.find((i) => i.code === 'REL1').touchpoint, 'booking-on-the-website');
  assert.deepEqual(stored.standards, [{
    id: 's1', text: 'Confirm every booking quickly', item: 'REL1', touchpoint: 'booking-on-the-website',
    kpi: { target: 2.5, unit: 'min', direction: '<=' },
  }]);
  assert.deepEqual(stored.promises, [{ item: 'REL1', text: 'Booked in two minutes, always', channel: 'social', level: 6.5 }]);
  await screenshot(page, 'setup-desktop');

  // Everything is still there after a reload.
  await page.reload();
  await setup.get('survey-section').waitFor();
  await setup.standards().first().waitFor();
  assert.equal(await setup.get('survey-perception-only').isChecked(), true);
  assert.equal(await setup.standards().first().getByTestId('standard-kpi').innerText(), '≤ 2.5 min');
  assert.equal(await setup.promises().first().getByTestId('promise-text').innerText(), 'Booked in two minutes, always');
  await setup.journey();
  await setup.stageAt(0).waitFor();
  assert.deepEqual(await setup.stageNames(), ['Booking']);
  assert.deepEqual(await setup.touchpointFields('booking-app'), { name: 'Booking app', channel: 'web', critical: false, owner: 'Sara Lind' });
  assert.equal(await setup.itemLink('REL1').inputValue(), 'booking-on-the-website');
  assert.equal(await setup.itemLink('REL2').inputValue(), '');

  // Deleting a stage with touchpoints asks first; Escape cancels.
  await setup.stageAt(0).getByTestId('stage-delete').click();
  const confirm = setup.stageAt(0).getByTestId('confirm');
  await confirm.waitFor();
  await screenshot(page, 'setup-confirm-stage-delete');
  assert.equal(await confirm.locator('p').innerText(),
    'Delete the stage “Booking” and its 2 touchpoints? 1 item and 1 standard will no longer point to a touchpoint; they are kept.');
  // Focus lands on Cancel, so Enter does not delete by accident.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'confirm-no');
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  // Focus goes back to the Delete button.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'stage-delete');
  assert.equal(await setup.stages().count(), 1);

  await setup.stageAt(0).getByTestId('stage-delete').click();
  await setup.stageAt(0).getByTestId('confirm-yes').click();
  await byTestId(page, 'no-stages').waitFor();
  assert.match(await setup.get('journey-status').innerText(), /Stage “Booking” deleted\. 1 item and 1 standard no longer point to a touchpoint/);
  await byTestId(page, 'no-touchpoints-for-items').waitFor();
  const after = await project();
  assert.equal(after.journey, undefined, 'an empty journey is not stored');
  assert.equal(after.items.find((i) => i.code === 'REL1').touchpoint, undefined);
  assert.equal(after.standards[0].touchpoint, undefined, 'the standard is kept, without the link');
  assert.equal(after.standards[0].kpi.target, 2.5);
  await page.reload();
  await byTestId(page, 'no-stages').waitFor();
  await setup.items();
  await setup.standards().first().waitFor();
  assert.equal(await setup.standards().count(), 1);
  assert.equal(await setup.standards().first().getByTestId('standard-touchpoint').count(), 0);
  await assertClean(recorder, page);
});

test('stages move up and down from the keyboard, focus follows, and a stage without touchpoints is deleted at once', async (t) => {
  const { page, recorder, setup } = await start(t);
  for (const name of ['Need', 'Buy', 'Delivery']) await setup.addStage(name);
  assert.equal(await setup.stageAt(0).getByTestId('stage-up').isDisabled(), true);
  assert.equal(await setup.stageAt(2).getByTestId('stage-down').isDisabled(), true);

  await setup.stageAt(2).getByTestId('stage-up').focus();
  await page.keyboard.press('Enter');
  await setup.get('journey-status').filter({ hasText: 'Stage “Delivery” is now number 2.' }).waitFor();
  assert.deepEqual(await setup.stageNames(), ['Need', 'Delivery', 'Buy']);
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="stage-row"]')?.dataset.index === '1');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'stage-up');
  await page.keyboard.press('Enter'); // up again: now first, so focus moves to its Down button
  await setup.get('journey-status').filter({ hasText: 'is now number 1.' }).waitFor();
  assert.deepEqual(await setup.stageNames(), ['Delivery', 'Need', 'Buy']);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'stage-down');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid="stage-row"]').dataset.index), '0');

  // Rename with Enter; a blank name is refused with the field named.
  const name = setup.stageAt(1).getByTestId('stage-name');
  await name.fill('   ');
  await name.press('Enter');
  assert.equal(await setup.stageAt(1).getByTestId('stage-row-problem').innerText(), 'Stage not renamed: the stage name must not be empty.');
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await name.fill('Need and search');
  await name.press('Enter');
  await setup.get('journey-status').filter({ hasText: 'Stage renamed to “Need and search”.' }).waitFor();
  assert.equal(await setup.stageAt(1).getByTestId('stage-row-problem').innerText(), '');

  // No touchpoints: no question asked.
  await setup.stageAt(2).getByTestId('stage-delete').click();
  await setup.get('journey-status').filter({ hasText: 'Stage “Buy” deleted.' }).waitFor();
  assert.deepEqual(await setup.stageNames(), ['Delivery', 'Need and search']);
  assert.deepEqual((await storedProject(page)).project.journey.stages.map((s) => s.name), ['Delivery', 'Need and search']);
  await assertClean(recorder, page);
});

test('deleting a touchpoint unlinks its item; editing and deleting standards and promises', async (t) => {
  const { page, recorder, setup } = await start(t);
  await setup.addStage('Invoice');
  await setup.addTouchpoint(0, { name: 'Paper invoice', channel: 'invoice', owner: 'Eva' });
  await setup.linkItem('REL5', 'paper-invoice');

  // Standard: edit (the id stays), then delete.
  await setup.items();
  await setup.submitStandard({ text: 'Invoices are correct', item: 'REL5', direction: '≥', target: '99', unit: '%' });
  await setup.standards().first().waitFor();
  await setup.standards().first().getByTestId('standard-edit').click();
  const edit = setup.get('edit-standard');
  assert.equal(await edit.getByTestId('standard-kpi-target').inputValue(), '99');
  assert.equal(await edit.getByTestId('standard-kpi-direction').inputValue(), '≥');
  await edit.getByTestId('standard-kpi-target').fill('');
  await edit.getByTestId('standard-save').click();
  assert.equal(await edit.getByTestId('standard-problem').innerText(), 'Standard not saved: the KPI target must not be empty.');
  await edit.getByTestId('standard-kpi-target').fill('99,5');
  await edit.getByTestId('standard-save').click();
  await edit.waitFor({ state: 'detached' });
  assert.equal(await setup.standards().first().getByTestId('standard-kpi').innerText(), '≥ 99.5 %');
  // Focus returns to Edit.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'standard-edit');
  await setup.standards().first().getByTestId('standard-delete').click();
  await byTestId(page, 'no-standards').waitFor();

  // Promise: edit, then delete.
  await setup.submitPromise({ item: 'REL5', text: 'No surprises on the bill', level: '7' });
  await setup.promises().first().getByTestId('promise-edit').click();
  const promise = setup.get('edit-promise');
  await promise.getByTestId('promise-level-input').fill('0');
  await promise.getByTestId('promise-save').click();
  assert.match(await promise.getByTestId('promise-problem').innerText(), /the promised level 0 is outside the project's scale 1–7/);
  await promise.getByTestId('promise-level-input').fill('6');
  await promise.getByTestId('promise-text-input').fill('No surprises on the invoice');
  await promise.getByTestId('promise-save').click();
  await promise.waitFor({ state: 'detached' });
  assert.equal(await setup.promises().first().getByTestId('promise-text').innerText(), 'No surprises on the invoice');
  assert.deepEqual((await storedProject(page)).project.promises.map((p) => p.level), [6]);
  await setup.promises().first().getByTestId('promise-delete').click();
  await byTestId(page, 'no-promises').waitFor();

  // The touchpoint has a linked item, so deleting it asks and says what loses its link.
  await setup.journey();
  const touchpoint = setup.touchpoint('paper-invoice');
  await touchpoint.getByTestId('touchpoint-delete').click();
  assert.match(await touchpoint.getByTestId('confirm').innerText(), /Delete the touchpoint “Paper invoice”\? 1 item will no longer point to it/);
  await touchpoint.getByTestId('confirm-yes').click();
  await touchpoint.waitFor({ state: 'detached' });
  assert.equal((await storedProject(page)).project.items.find((i) => i.code === 'REL5').touchpoint, undefined);
  await assertClean(recorder, page);
});

test('a change refused by storage (another tab saved first) changes nothing and says why', async (t) => {
  const { page, recorder, setup } = await start(t);
  await setup.addStage('Booking');
  // Another tab saves the project: its revision moves on without this page knowing.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('gaplens/project/p-'));
    const doc = JSON.parse(localStorage.getItem(key));
    doc.revision += 1;
    localStorage.setItem(key, JSON.stringify(doc));
  });
  const before = await storageSnapshot(page);
  await setup.get('new-stage-name').fill('Stay');
  await setup.get('add-stage').click();
  await setup.get('stage-problem').filter({ hasText: 'was changed in another tab' }).waitFor();
  assert.match(await setup.get('stage-problem').innerText(), /^Stage not added\. "Fjällbo Bygg AB" was changed in another tab/);
  assert.deepEqual(await setup.stageNames(), ['Booking']);
  assert.deepEqual(await storageSnapshot(page), before);
  await assertClean(recorder, page);
});

test('user text on the Journey and Items pages is shown as text, never as HTML', async (t) => {
  const { page, recorder, setup } = await start(t);
  const evil = '<img src=x onerror=alert(1)> <b>bold</b>';
  await setup.addStage(evil);
  await setup.addTouchpoint(0, { name: evil, channel: 'chat', owner: '<i>me</i>' });
  assert.equal(await byTestId(page, 'channel-owner').innerText(), '<i>me</i>');
  assert.match(await setup.get('journey-status').innerText(), /<img src=x/);
  assert.equal(await page.locator('main img, main b, main i').count(), 0);
  await setup.items();
  await setup.addDimension(evil);
  await setup.addItem({ code: 'EVIL1', dimension: 'imgsrcxonerr', text: evil });
  await setup.item('EVIL1').waitFor();
  assert.equal(await setup.item('EVIL1').getByTestId('item-text').innerText(), evil);
  await setup.submitStandard({ text: evil });
  await setup.standards().first().waitFor();
  await setup.submitPromise({ item: 'TAN1', text: evil, level: '5' });
  await setup.promises().first().waitFor();
  assert.equal(await setup.standards().first().getByTestId('standard-text').innerText(), evil);
  assert.equal(await setup.promises().first().getByTestId('promise-text').innerText(), evil);
  assert.equal(await page.locator('main img, main b, main i').count(), 0);
  await assertClean(recorder, page);
});

test('the Journey and Items pages read at phone width', async (t) => {
  const { page, recorder, setup } = await start(t, 'Bistro Fjällbo');
  await setup.addStage('Visit');
  await setup.addTouchpoint(0, { name: 'Table service', channel: 'shop', critical: true, owner: 'Mia' });
  await setup.addTouchpoint(0, { name: 'Phone booking', channel: 'phone', owner: 'Ola' });
  await setup.items();
  await setup.submitStandard({ text: 'Serve the first drink within five minutes', item: 'RES1', touchpoint: 'table-service', target: '5', unit: 'min' });
  await setup.standards().first().waitFor();
  await setup.submitPromise({ item: 'RES1', text: 'Quick service, every time', channel: 'social', level: '6' });
  await setup.promises().first().waitFor();
  await screenshot(page, 'setup-desktop-filled');
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing sticks out sideways: the page does not scroll horizontally.
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await overflow() <= 0, `the Items page is ${await overflow()}px wider than the screen`);
  await screenshot(page, 'setup-phone');
  await setup.journey();
  assert.ok(await overflow() <= 0, `the Journey page is ${await overflow()}px wider than the screen`);
  await screenshot(page, 'setup-journey-phone');
  await assertClean(recorder, page);
});
