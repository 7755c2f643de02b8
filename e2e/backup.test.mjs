// Data out and back in without loss: backup, delete, restore; a bad backup changes nothing;
// answers collected on two laptops merged with a conflict the user decides; CSV exports in
// both dialects with formula cells neutralised. Every test ends with assertClean.
//
// The two laptops are two browser contexts (separate local storage, like two profiles). Each
// starts with the demo project, as every first visit does, so both hold "the same project"
// without any file editing; then each collects answers, one of them under the same
// respondent id with different values (two kiosks numbering their respondents alike), which
// is the conflict a real merge meets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, attachRecorder, assertClean, byTestId, screenshot } from './harness.mjs';
import { ProjectsPage, DataPage, AnalysisPage } from './app.pages.mjs';

const DIST = process.env.GAPLENS_DIST || 'dist';
const DEMO = 'demo-hotel';
const DEMO_NAME = 'Hotel Fjordgården (demo)';

class SettingsPage {
  constructor(page) { this.page = page; }
  async goto() {
    await byTestId(this.page, 'nav-settings').click();
    await byTestId(this.page, 'restore-file').waitFor();
  }
  restoreRow(id) { return this.page.locator(`[data-testid="restore-project"][data-project-id="${id}"]`); }
  async download(click) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), click()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8'), path: await file.path() };
  }
  async backupProject(id) {
    const row = this.page.locator(`[data-testid="backup-project-row"][data-project-id="${id}"]`);
    return this.download(() => row.getByTestId('backup-project').click());
  }
  async backupAll() { return this.download(() => byTestId(this.page, 'backup-all').click()); }
  async restore(file) {
    await byTestId(this.page, 'restore-file').setInputFiles(file);
    await this.page.locator('[data-testid="restore-report"], [data-testid="restore-errors"]').first().waitFor();
  }
}

async function start(t) {
  const app = await openApp({ dir: DIST, path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  return app;
}

async function tempFile(name, text) {
  const dir = await mkdtemp(join(tmpdir(), 'gaplens-backup-'));
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function demoFigures(page) {
  await new ProjectsPage(page).goto();
  await new ProjectsPage(page).open(DEMO_NAME);
  const analysis = new AnalysisPage(page);
  await analysis.goto();
  return analysis.allItems();
}

async function deleteProject(page, id) {
  const projects = new ProjectsPage(page);
  await projects.goto();
  await projects.byId(id).getByTestId('delete-project').click();
  await byTestId(page, 'confirm-yes').click();
  await projects.byId(id).waitFor({ state: 'detached' });
}

test('back up the demo project, delete it, restore it: the same figures, the same bytes', async (t) => {
  const { page, recorder } = await start(t);
  const before = await demoFigures(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  const backup = await settings.backupProject(DEMO);
  assert.match(backup.name, /^Hotel-Fjordgården-demo-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(backup.text);
  assert.equal(document.format, 'gaplens-backup');
  assert.equal(document.version, 1);
  assert.equal(document.projects.length, 1);
  assert.equal(document.projects[0].id, DEMO);
  assert.ok(backup.text.endsWith('}\n'));
  const all = await settings.backupAll();
  assert.match(all.name, /^gaplens-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(all.text, backup.text, 'one project in the browser: the same bytes');

  await deleteProject(page, DEMO);
  await settings.goto();
  const file = await tempFile('demo-backup.json', backup.text);
  await settings.restore(file);
  const row = settings.restoreRow(DEMO);
  assert.match(await row.getByTestId('restore-status').innerText(), /Not in this browser yet/);
  await row.getByTestId('restore-add').click();
  assert.match(await row.getByTestId('restore-done').innerText(), /Added/);
  await screenshot(page, 'backup-restored');

  // Export → restore → export gives the same bytes.
  const again = await settings.backupProject(DEMO);
  assert.equal(again.text, backup.text);
  assert.deepEqual(await demoFigures(page), before, 'the same figures after the round trip');
  await page.reload();
  await byTestId(page, 'analysis-table').waitFor();
  assert.deepEqual(await new AnalysisPage(page).allItems(), before, 'and after a reload');
  await assertClean(recorder, page);
});

test('a damaged or newer backup is refused with every problem listed, and nothing changes', async (t) => {
  const { page, recorder } = await start(t);
  const settings = new SettingsPage(page);
  await settings.goto();
  const backup = JSON.parse((await settings.backupProject(DEMO)).text);
  const before = await byTestId(page, 'backup-project-row').count();

  const damaged = structuredClone(backup);
  damaged.projects[0].responses[12].answers.REL1 = [9, null];
  damaged.projects[0].responses[13].id = damaged.projects[0].responses[3].id;
  damaged.projects[0].responses[14].answers.REL2 = 'six';
  await settings.restore(await tempFile('damaged.json', JSON.stringify(damaged, null, 2)));
  const errors = (await byTestId(page, 'restore-error').allInnerTexts()).join('\n');
  assert.match(await byTestId(page, 'restore-errors').innerText(), /3 problems found\. Nothing was changed\./);
  assert.match(errors, /projects\[0\]\.responses\[12\]\.answers\.REL1 \(E\): 9 is outside 1–7/);
  assert.match(errors, /projects\[0\]\.responses\[13\]\.id: the response id "W1-004" is already used by responses\[3\]/);
  assert.match(errors, /projects\[0\]\.responses\[14\]\.answers\.REL2:/);
  await screenshot(page, 'backup-restore-errors');

  await settings.restore(await tempFile('newer.json', JSON.stringify({ ...backup, version: 2 })));
  assert.match(await byTestId(page, 'restore-error').innerText(), /newer version of Gaplens/);

  await settings.restore(await tempFile('broken.json', '{\n  "format": "gaplens-backup",\n  "version": 1,\n  "projects": [,]\n}\n'));
  assert.match(await byTestId(page, 'restore-error').innerText(), /^line 4, column \d+: the file is not valid JSON/);

  assert.equal(await byTestId(page, 'backup-project-row').count(), before);
  const after = JSON.parse((await settings.backupProject(DEMO)).text);
  assert.deepEqual(after, backup, 'the stored project is unchanged');
  await assertClean(recorder, page);
});

const HEADER = 'id,source,wave,E:REL1,P:REL1,E:REL2,P:REL2,comment';

test('answers from two laptops merge; the user decides the one conflict', async (t) => {
  const app = await start(t);
  const { page, recorder } = app;
  // The second laptop: another browser profile on the same build.
  const contextB = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const recorderB = await attachRecorder(contextB, app.origin);
  const pageB = await contextB.newPage();
  await pageB.goto(app.url);
  await byTestId(pageB, 'project-row').first().waitFor();

  const collect = async (p, rows) => {
    await new ProjectsPage(p).open(DEMO_NAME);
    await byTestId(p, 'nav-data').click();
    const data = new DataPage(p);
    await byTestId(p, 'import-file').waitFor();
    await data.import(await tempFile('kiosk.csv', [HEADER, ...rows].join('\n') + '\n'));
    await data.result().waitFor();
  };
  await collect(page, ['kiosk-1,customer,2026 Q3,6,5,6,6,mine', 'laptop-a-1,customer,2026 Q3,6,4,5,5,']);
  await collect(pageB, ['kiosk-1,customer,2026 Q3,6,2,6,6,theirs', 'laptop-b-1,customer,2026 Q3,7,3,6,4,']);

  const settingsB = new SettingsPage(pageB);
  await settingsB.goto();
  const fromB = await settingsB.backupProject(DEMO);

  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.restore(await tempFile('laptop-b.json', fromB.text));
  const row = settings.restoreRow(DEMO);
  assert.match(await row.getByTestId('restore-status').innerText(), /Already here/);
  await row.getByTestId('restore-merge').click();
  const summary = await byTestId(page, 'merge-summary').innerText();
  assert.match(summary, /1 response new, 189 identical to the ones here, 1 with the same id but different answers\./);
  const conflict = page.locator('[data-testid="merge-conflict"][data-id="kiosk-1"]');
  assert.equal(await byTestId(page, 'merge-conflict').count(), 1);
  const differences = await conflict.getByTestId('merge-difference').allInnerTexts();
  assert.deepEqual(differences.map((d) => d.split('\t')), [['P:REL1', '5', '2'], ['comment', 'mine', 'theirs']]);
  assert.ok(await byTestId(page, 'merge-apply').isDisabled(), 'no merge before every conflict has a choice');
  await screenshot(page, 'backup-merge-conflict');
  await conflict.getByTestId('merge-take-theirs').check();
  await byTestId(page, 'merge-apply').click();
  assert.match(await row.getByTestId('restore-done').innerText(), /Merged: 1 response added, 189 already here, 1 conflict resolved \(took the backup's in 1\)/);

  const merged = JSON.parse((await settings.backupProject(DEMO)).text).projects[0];
  const byId = Object.fromEntries(merged.responses.map((r) => [r.id, r]));
  assert.equal(merged.responses.length, 189 + 3, 'the demo, both laptops\' own answers and the shared id once');
  assert.deepEqual(byId['kiosk-1'].answers.REL1, [6, 2], 'the backup\'s version was chosen');
  assert.equal(byId['kiosk-1'].comment, 'theirs');
  assert.ok(byId['laptop-a-1'] && byId['laptop-b-1'], 'nothing dropped');

  // Merging the same file again changes nothing.
  await settings.restore(await tempFile('laptop-b.json', fromB.text));
  await settings.restoreRow(DEMO).getByTestId('restore-merge').click();
  assert.match(await byTestId(page, 'merge-summary').innerText(), /already here; merging changes nothing/);
  await assertClean(recorder, page);
  await assertClean(recorderB, pageB);
});

test('replace and add as a copy, each after the user says so', async (t) => {
  const { page, recorder } = await start(t);
  const settings = new SettingsPage(page);
  await settings.goto();
  const backup = await settings.backupProject(DEMO);
  const file = await tempFile('demo.json', backup.text);

  await settings.restore(file);
  await settings.restoreRow(DEMO).getByTestId('restore-copy').click();
  assert.match(await settings.restoreRow(DEMO).getByTestId('restore-done').innerText(), /copy named “Hotel Fjordgården \(demo\) \(copy\)”/);
  assert.equal(await byTestId(page, 'backup-project-row').count(), 2);

  await settings.restore(file);
  await settings.restoreRow(DEMO).getByTestId('restore-replace').click();
  await byTestId(page, 'confirm-no').click();
  assert.equal(await settings.restoreRow(DEMO).getByTestId('restore-done').count(), 0, 'cancel changes nothing');
  await settings.restoreRow(DEMO).getByTestId('restore-replace').click();
  await byTestId(page, 'confirm-yes').click();
  assert.match(await settings.restoreRow(DEMO).getByTestId('restore-done').innerText(), /Replaced/);
  assert.equal((await settings.backupProject(DEMO)).text, backup.text);
  await assertClean(recorder, page);
});

test('CSV export in both dialects, formula cells neutralised, and it imports again', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).open(DEMO_NAME);
  await byTestId(page, 'nav-data').click();
  await byTestId(page, 'import-file').waitFor();
  await new DataPage(page).import(await tempFile('risky.csv', [
    'id,source,wave,segment:channel,E:REL1,P:REL1,comment',
    '@risky,customer,2026 Q3,-web,6,5,"=HYPERLINK(""http://example.invalid"")"',
    'plus,customer,2026 Q3,web,6,4.5,+1 great',
  ].join('\n') + '\n'));
  await new DataPage(page).result().waitFor();

  const settings = new SettingsPage(page);
  await settings.goto();
  const comma = await settings.download(() => byTestId(page, 'csv-export-responses').click());
  assert.equal(comma.name, 'Hotel-Fjordgården-demo-responses.csv');
  assert.ok(comma.text.startsWith('id,source,wave,date,segment:channel,segment:guest,E:TAN1,P:TAN1,'));
  assert.match(comma.text, /\r\n'@risky,customer,2026 Q3,2026-09-30,'-web,/);
  assert.match(comma.text, /,"'=HYPERLINK\(""http:\/\/example\.invalid""\)"\r\n/);
  assert.match(comma.text, /,'\+1 great\r\n/);
  assert.match(comma.text, /,6,4\.5,/, 'numbers with a decimal point');

  await byTestId(page, 'csv-dialect-responses').selectOption('semicolon');
  const nordic = await settings.download(() => byTestId(page, 'csv-export-responses').click());
  assert.equal(nordic.name, 'Hotel-Fjordgården-demo-responses-semicolon.csv');
  const bytes = await readFile(nordic.path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  assert.ok(nordic.text.startsWith('\ufeffid;source;wave;date;segment:channel;segment:guest;'));
  assert.match(nordic.text, /;6;4,5;/, 'numbers with a decimal comma');
  assert.match(nordic.text, /\r\n'@risky;customer;2026 Q3;2026-09-30;'-web;/);

  // The Nordic file imports again into a fresh project with the same items: every row.
  await new ProjectsPage(page).goto();
  await new ProjectsPage(page).create('Reimported');
  await new DataPage(page).import(nordic.path);
  assert.match(await new DataPage(page).result().innerText(), /imported 191 responses \(185 customers, 6 management\)/);
  await assertClean(recorder, page);
});

test('delete everything needs the confirmation and the typed word', async (t) => {
  const { page, recorder } = await start(t);
  const settings = new SettingsPage(page);
  await settings.goto();
  assert.match(await byTestId(page, 'storage-used').innerText(), /^About [\d,]+ characters used \(\d+\.\d\s%\), about [\d,]+ left\.$/);
  await byTestId(page, 'delete-everything').click();
  await byTestId(page, 'confirm-no').click();
  await byTestId(page, 'delete-everything').click();
  await byTestId(page, 'confirm-yes').click();
  const word = byTestId(page, 'delete-confirm-word');
  await word.fill('delete');
  assert.ok(await byTestId(page, 'delete-everything-now').isDisabled());
  await word.fill('DELETE');
  await screenshot(page, 'settings-delete-everything');
  await byTestId(page, 'delete-everything-now').click();
  assert.match(await byTestId(page, 'notice').innerText(), /was deleted/);
  assert.equal(await byTestId(page, 'backup-project-row').count(), 0);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gaplens/')));
  assert.deepEqual(keys, []);
  await assertClean(recorder, page);
});

test('the Settings page at phone width', async (t) => {
  const { page, recorder } = await start(t);
  await page.setViewportSize({ width: 390, height: 844 });
  const settings = new SettingsPage(page);
  await settings.goto();
  const backup = await settings.backupProject(DEMO);
  await settings.restore(await tempFile('demo.json', backup.text));
  await settings.restoreRow(DEMO).getByTestId('restore-merge').click();
  await screenshot(page, 'settings-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'settings-desktop');
  await assertClean(recorder, page);
});
