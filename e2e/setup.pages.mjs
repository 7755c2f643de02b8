// Page object for the Journey and Items pages (once one Setup page): what a user does there,
// by data-testid. `journey()` and `items()` switch between the two pages by their tabs.
import { byTestId } from './harness.mjs';

/** The stored project document for `id` (or the only user project when `id` is omitted). */
export async function storedProject(page, id) {
  return page.evaluate((id) => {
    const key = id ? `gaplens/project/${id}`
      : Object.keys(localStorage).find((k) => k.startsWith('gaplens/project/p-'));
    const raw = key && localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  }, id);
}

/** The raw stored text of every Gaplens key, to prove that nothing changed. */
export async function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('gaplens/')).sort().map((k) => [k, localStorage.getItem(k)])));
}

export class SetupPage {
  constructor(page) { this.page = page; }
  get = (id) => byTestId(this.page, id);

  /** The Journey page: stages, touchpoints, owners, item links, heat map. */
  async journey() {
    await this.get('nav-journey').click();
    await this.get('journey-section').waitFor();
  }
  /** The Items page: survey type, templates, dimensions, items, standards, promises. */
  async items() {
    await this.get('nav-items').click();
    await this.get('survey-section').waitFor();
  }
  async goto() { await this.items(); }

  // ---- Dimensions ----
  dimension(code) { return this.page.locator(`[data-testid="dimension-row"][data-code="${code}"]`); }
  async dimensionNames() {
    const names = [];
    for (const row of await this.get('dimension-row').all()) names.push(await row.getByTestId('dimension-name').inputValue());
    return names;
  }
  async addDimension(name, code = '') {
    await this.get('new-dimension-name').fill(name);
    await this.get('new-dimension-code').fill(code);
    await this.get('add-dimension').click();
  }

  // ---- Items ----
  item(code) { return this.page.locator(`[data-testid="item-row"][data-code="${code}"]`); }
  async itemCodes() {
    return this.page.locator('[data-testid="item-list"] [data-testid="item-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.code));
  }
  async fillItem(form, { code, dimension, text }) {
    if (code !== undefined) await form.getByTestId('item-code-input').fill(code);
    if (dimension !== undefined) await form.getByTestId('item-dimension-select').selectOption(dimension);
    if (text !== undefined) await form.getByTestId('item-text-input').fill(text);
  }
  async addItem(fields) {
    const form = this.get('add-item-form');
    await this.fillItem(form, fields);
    await form.getByTestId('item-save').click();
  }

  // ---- Survey type ----
  async chooseSurvey(perceptionOnly) {
    await this.get(perceptionOnly ? 'survey-perception-only' : 'survey-ep').check();
    await this.get('survey-status').filter({ hasText: perceptionOnly ? 'perception only' : 'Every gap is computed' }).waitFor();
  }

  // ---- Journey ----
  stages() { return this.get('stage-row'); }
  stageAt(index) { return this.page.locator(`[data-testid="stage-row"][data-index="${index}"]`); }
  async stageNames() {
    const names = [];
    for (const row of await this.stages().all()) names.push(await row.getByTestId('stage-name').inputValue());
    return names;
  }
  async addStage(name) {
    const before = await this.stages().count();
    await this.get('new-stage-name').fill(name);
    await this.get('add-stage').click();
    await this.stageAt(before).waitFor();
  }
  /** Adds a touchpoint to the stage at `index`; `channel` is the channel's file word (web, phone…). */
  async addTouchpoint(index, { name, channel, critical = false, owner = '' }) {
    const stage = this.stageAt(index);
    const form = stage.getByTestId('add-touchpoint-form');
    const before = await stage.getByTestId('touchpoint-row').count();
    await form.getByTestId('new-touchpoint-name').fill(name);
    await form.getByTestId('new-touchpoint-channel').selectOption(channel);
    await form.getByTestId('new-touchpoint-critical').setChecked(critical);
    await form.getByTestId('new-touchpoint-owner').fill(owner);
    await form.getByTestId('add-touchpoint').click();
    await stage.getByTestId('touchpoint-row').nth(before).waitFor();
  }
  touchpoint(code) { return this.page.locator(`[data-testid="touchpoint-row"][data-code="${code}"]`); }
  async touchpointFields(code) {
    const row = this.touchpoint(code);
    return {
      name: await row.getByTestId('touchpoint-name').inputValue(),
      channel: await row.getByTestId('touchpoint-channel').inputValue(),
      critical: await row.getByTestId('touchpoint-critical').isChecked(),
      owner: await row.getByTestId('touchpoint-owner').inputValue(),
    };
  }
  ownerWarnings() { return this.get('channel-owner-warning'); }

  // ---- Item links ----
  itemLink(code) { return this.page.locator(`[data-testid="item-link-row"][data-code="${code}"]`).getByTestId('item-touchpoint'); }
  async linkItem(code, touchpointCode) {
    await this.itemLink(code).selectOption(touchpointCode);
    await this.get('links-status').filter({ hasText: code }).waitFor();
  }

  // ---- Standards ----
  standards() { return this.get('standard-row'); }
  async fillStandard(form, { text, item = '', touchpoint = '', direction = '≤', target = '', unit = '' }) {
    await form.getByTestId('standard-text-input').fill(text);
    await form.getByTestId('standard-item-select').selectOption(item);
    await form.getByTestId('standard-touchpoint-select').selectOption(touchpoint);
    await form.getByTestId('standard-kpi-direction').selectOption(direction);
    await form.getByTestId('standard-kpi-target').fill(target);
    await form.getByTestId('standard-kpi-unit').fill(unit);
  }
  async submitStandard(fields) {
    const form = this.get('add-standard');
    await this.fillStandard(form, fields);
    await form.getByTestId('standard-save').click();
  }

  // ---- Promises ----
  promises() { return this.get('promise-row'); }
  async submitPromise({ item, text, channel = 'web', level }) {
    const form = this.get('add-promise');
    await form.getByTestId('promise-item-select').selectOption(item);
    await form.getByTestId('promise-text-input').fill(text);
    await form.getByTestId('promise-channel-select').selectOption(channel);
    await form.getByTestId('promise-level-input').fill(level);
    await form.getByTestId('promise-save').click();
  }
}
