// "Import a survey-tool export" on the Data page, as a user works it: a SurveyMonkey export
// (two header rows) is mapped column by column, the scale confirmed, imported; the next
// wave's export then imports in one click with the saved mapping; a file with bad values is
// refused with every row, column and value listed and storage unchanged. Every test runs in
// a fresh browser profile and ends with assertClean.
//
//   CARGO_TARGET_DIR=/tmp/mapping-target trunk build --release --dist /tmp/mapping-dist
//   GAPLENS_DIST=/tmp/mapping-dist node --test e2e/survey-import.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, assertClean, byTestId, screenshot, REPO_ROOT } from './harness.mjs';
import { ProjectsPage } from './app.pages.mjs';

const surveyFile = (name) => join(REPO_ROOT, 'e2e', 'fixtures', 'survey-tools', name);

async function start(t) {
  const app = await openApp({ dir: process.env.GAPLENS_DIST || 'dist', path: '/' });
  t.after(app.close);
  await byTestId(app.page, 'project-row').first().waitFor();
  return app;
}

/** The survey-tool import card, by data-testid. */
class SurveyImport {
  constructor(page) { this.page = page; }
  card() { return byTestId(this.page, 'survey-import'); }
  async choose(name) {
    await byTestId(this.page, 'survey-file').setInputFiles(surveyFile(name));
  }
  mapping() { return byTestId(this.page, 'survey-mapping'); }
  column(index) { return this.page.locator(`[data-testid="survey-column"][data-column="${index}"]`); }
  select(index) { return this.column(index).getByTestId('survey-target'); }
  /** The chosen target key of every column, in order. */
  async targets() {
    return this.page.$$eval('[data-testid="survey-target"]', (selects) => selects.map((s) => s.value));
  }
  result() { return byTestId(this.page, 'survey-result'); }
  errors() { return byTestId(this.page, 'survey-error'); }
}

const projectKey = (page) =>
  page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('gaplens/project/p-')));
const storedRaw = async (page) => page.evaluate((k) => localStorage.getItem(k), await projectKey(page));

/** The page fits the viewport's width: nothing scrolls sideways. */
async function assertNoSidewaysScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${what}: the page is ${scroll}px wide in a ${width}px viewport`);
}

/** Imports the first SurveyMonkey wave with the suggested mapping, comments left out. */
async function importFirstWave(page, survey) {
  await survey.choose('surveymonkey.csv');
  await survey.mapping().waitFor();
  await survey.select(23).selectOption('ignore');
  await byTestId(page, 'survey-source').fill('SurveyMonkey customers');
  await byTestId(page, 'survey-import-button').click();
  await survey.result().waitFor();
}

test('a SurveyMonkey export is mapped and imported; the next wave imports in one click with the saved mapping', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).create('Fjällbo Bygg');
  const survey = new SurveyImport(page);
  await survey.choose('surveymonkey.csv');
  await survey.mapping().waitFor();

  // Two header rows detected; the columns carry the question and the sub-answer.
  assert.match(await byTestId(page, 'survey-summary').innerText(),
    /surveymonkey\.csv: 12 rows, 24 columns, 2 header rows\. It looks like a SurveyMonkey file\./);
  assert.equal(await byTestId(page, 'survey-two-headers').isChecked(), true);
  assert.equal(await survey.column(10).locator('th').innerText(),
    'When Fjällbo Bygg promises to do something by a certain time, it gets done. — Experience');
  // The preview shows the first 5 rows.
  assert.equal(await survey.column(10).locator('td.mapping-value').count(), 5);

  // Suggestions: metadata ignored, items by their text with E/P from the sub-answer, NPS,
  // a channel segment and the comment.
  assert.deepEqual(await survey.targets(), [
    'id', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore',
    'E:REL1', 'P:REL1', 'E:RES2', 'P:RES2', 'E:ASS2', 'P:ASS2', 'E:EMP1', 'P:EMP1', 'E:TAN2', 'P:TAN2',
    'E:REL3', 'P:REL3', 'nps', 'segment:channel', 'comment',
  ]);
  assert.match(await survey.column(9).getByTestId('survey-reason').innerText(), /like the text of REL1; "expectation" → E/);
  // Each select is labelled with its column's header, for screen readers.
  assert.equal(await survey.select(21).getAttribute('aria-label'),
    'How likely is it that you would recommend Fjällbo Bygg to a friend or colleague?');
  // Told there is one header row, the second becomes data; told two again, as before.
  await byTestId(page, 'survey-two-headers').uncheck();
  await byTestId(page, 'survey-summary').filter({ hasText: '13 rows, 24 columns, 1 header row.' }).waitFor();
  await byTestId(page, 'survey-two-headers').check();
  await byTestId(page, 'survey-summary').filter({ hasText: '12 rows, 24 columns, 2 header rows.' }).waitFor();
  assert.equal(await survey.select(9).inputValue(), 'E:REL1');
  // Keyboard: the user tabs to the comment column's select and chooses "Ignore this column".
  await survey.select(23).focus();
  await survey.select(23).selectOption('ignore');
  assert.equal(await survey.select(23).inputValue(), 'ignore');
  assert.equal(await survey.column(23).getByTestId('survey-reason').innerText(), 'chosen by you');

  // The scale, from the E and P answers, confirmed by the user.
  assert.match(await byTestId(page, 'survey-scale-found').innerText(), /answers in the E and P columns run from 3 to 7: this looks like a 1–7 scale/);
  assert.equal(await byTestId(page, 'survey-scale').inputValue(), '7');
  assert.equal(await byTestId(page, 'survey-wave').inputValue(), 'Wave 1');
  assert.match(await byTestId(page, 'survey-source').inputValue(), /^SurveyMonkey [0-9a-f]{6}$/);
  await byTestId(page, 'survey-source').fill('SurveyMonkey customers');
  await screenshot(page, 'survey-mapping-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoSidewaysScroll(page, 'the mapping step at 390 px');
  await screenshot(page, 'survey-mapping-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  await byTestId(page, 'survey-import-button').click();
  await survey.result().waitFor();
  assert.match(await survey.result().innerText(), /surveymonkey\.csv: imported 12 responses \(12 customers\) into Wave 1\./);
  assert.equal(await byTestId(page, 'survey-saved-as').innerText(), 'Mapping saved as SurveyMonkey customers.');
  assert.equal(await byTestId(page, 'total-customers').innerText(), '12');
  // The stored document (its layout is storage's business): channel segments are there,
  // the comments the user left out are not, and the mapping is saved with its name.
  let raw = await storedRaw(page);
  assert.ok(raw.includes('Shop visit'), 'the channel segment is stored');
  assert.ok(!raw.includes('invoice came late'), 'comments were left out');
  let mappings = JSON.parse(raw).project.import_mappings;
  assert.equal(mappings.length, 1);
  assert.equal(mappings[0].source, 'SurveyMonkey customers');
  assert.equal(mappings[0].columns[9].target, 'E:REL1');

  // Six months later, after a reload: the next export of the same survey.
  await page.reload();
  await byTestId(page, 'survey-file').waitFor();
  await survey.choose('surveymonkey-wave2.csv');
  await byTestId(page, 'survey-saved-match').waitFor();
  assert.match(await byTestId(page, 'survey-saved-match').innerText(), /match the saved mapping “SurveyMonkey customers”/);
  assert.equal(await byTestId(page, 'survey-saved-wave').inputValue(), 'Wave 2');
  await screenshot(page, 'survey-saved-mapping');
  await byTestId(page, 'survey-import-saved').click();
  await survey.result().waitFor();
  assert.match(await survey.result().innerText(), /surveymonkey-wave2\.csv: imported 10 responses \(10 customers\) into Wave 2\./);
  assert.equal(await byTestId(page, 'total-customers').innerText(), '22');
  assert.equal(await byTestId(page, 'wave-row').count(), 2);
  raw = await storedRaw(page);
  assert.ok(!raw.includes('invoice came late'), 'the saved mapping left comments out again');
  mappings = JSON.parse(raw).project.import_mappings;
  assert.equal(mappings.length, 1);
  await assertClean(recorder, page);
});

test('a bad value is listed with its row, column and value, and nothing is stored', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).create('Guarded import');
  const survey = new SurveyImport(page);
  await importFirstWave(page, survey);
  const key = await projectKey(page);
  const before = await page.evaluate((k) => localStorage.getItem(k), key);

  await survey.choose('surveymonkey-bad.csv');
  await byTestId(page, 'survey-saved-match').waitFor();
  await byTestId(page, 'survey-import-saved').click();
  await byTestId(page, 'survey-errors').waitFor();
  assert.deepEqual(await survey.errors().allInnerTexts(), [
    'row 3, column "Customers are served promp… — Experience": "8" is outside 1–7',
    'row 5, column "When Fjällbo Bygg promises… — Experience": "Don\'t know" is not a number',
  ]);
  assert.match(await byTestId(page, 'survey-errors').innerText(),
    /surveymonkey-bad\.csv was not imported: 2 problems found\. Nothing was changed\./);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), before, 'project unchanged');
  assert.equal(await byTestId(page, 'total-customers').innerText(), '12');
  // The mapping stays on screen so the user can fix the file or the mapping.
  await survey.mapping().waitFor();
  await screenshot(page, 'survey-errors');
  await assertClean(recorder, page);
});

test('LimeSurvey codes are mapped by hand once; wave 2 then imports with the saved mapping on its 1–5 scale', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).create('Lime project');
  const survey = new SurveyImport(page);
  await survey.choose('limesurvey.csv');
  await survey.mapping().waitFor();
  assert.equal(await survey.select(0).inputValue(), 'id');
  assert.equal(await survey.select(5).inputValue(), 'ignore', 'a bare code suggests nothing');
  const codes = ['REL1', 'RES2', 'ASS2', 'EMP1', 'TAN2', 'REL3'];
  for (const [k, code] of codes.entries()) {
    await survey.select(5 + k).selectOption(`E:${code}`);
    await survey.select(11 + k).selectOption(`P:${code}`);
  }
  await survey.select(17).selectOption('nps');
  assert.match(await byTestId(page, 'survey-scale-found').innerText(), /this looks like a 1–5 scale/);
  assert.equal(await byTestId(page, 'survey-scale').inputValue(), '5');
  await byTestId(page, 'survey-import-button').click();
  await survey.result().waitFor();
  assert.match(await survey.result().innerText(), /imported 10 responses \(10 customers\) into Wave 1/);
  assert.deepEqual(JSON.parse(await storedRaw(page)).project.scale, { min: 1, max: 5 });

  await survey.choose('limesurvey-wave2.csv');
  await byTestId(page, 'survey-saved-match').waitFor();
  await byTestId(page, 'survey-import-saved').click();
  await survey.result().waitFor();
  assert.match(await survey.result().innerText(), /imported 8 responses \(8 customers\) into Wave 2/);
  assert.equal(await byTestId(page, 'total-customers').innerText(), '18');
  await assertClean(recorder, page);
});

test('a Google Forms export with rating texts like "7 - Strongly agree" imports as numbers', async (t) => {
  const { page, recorder } = await start(t);
  await new ProjectsPage(page).create('Forms project');
  const survey = new SurveyImport(page);
  await survey.choose('google-forms.csv');
  await survey.mapping().waitFor();
  assert.match(await byTestId(page, 'survey-summary').innerText(), /9 rows, 12 columns, 1 header row\. It looks like a Google Forms file\./);
  assert.deepEqual(await survey.targets(),
    ['ignore', 'E:REL1', 'E:RES2', 'E:ASS2', 'E:EMP1', 'P:REL1', 'P:RES2', 'P:ASS2', 'P:EMP1', 'csat', 'nps', 'comment']);
  assert.match(await byTestId(page, 'survey-scale-found').innerText(), /this looks like a 1–7 scale/);
  await byTestId(page, 'survey-import-button').click();
  await survey.result().waitFor();
  assert.match(await survey.result().innerText(),
    /google-forms\.csv: imported 9 responses \(9 customers\) into Wave 1\. 9 rows had no id and got one\./);
  assert.equal(await byTestId(page, 'total-customers').innerText(), '9');
  await assertClean(recorder, page);
});
