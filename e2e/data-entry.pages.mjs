// Page objects for the Data page's entry forms: what a user does, by data-testid.
import { byTestId } from './harness.mjs';

/** The management view: one manager's M and S per item, and the stored views. */
export class ManagementForm {
  constructor(page) { this.page = page; }
  section() { return byTestId(this.page, 'management-section'); }
  item(code) { return this.page.locator(`[data-testid="mgmt-item"][data-code="${code}"]`); }
  m(code) { return this.item(code).getByTestId('mgmt-m'); }
  s(code) { return this.item(code).getByTestId('mgmt-s'); }
  /** Fills the form; `answers` maps item code to [M, S] as typed (undefined = leave as is). */
  async fill({ id, wave, answers = {} }) {
    if (id !== undefined) await byTestId(this.page, 'mgmt-id').fill(id);
    if (wave !== undefined) await byTestId(this.page, 'mgmt-wave').fill(wave);
    for (const [code, [m, s]] of Object.entries(answers)) {
      if (m !== undefined) await this.m(code).fill(m);
      if (s !== undefined) await this.s(code).fill(s);
    }
  }
  /** Saves with the keyboard: Enter in the last field filled submits the form. */
  async save() { await byTestId(this.page, 'mgmt-save').click(); }
  saved() { return byTestId(this.page, 'mgmt-saved'); }
  problems() { return byTestId(this.page, 'mgmt-problems-item'); }
  rows() { return byTestId(this.page, 'management-row'); }
  row(id) { return this.page.locator(`[data-testid="management-row"][data-id="${id}"]`); }
  async edit(id) { await this.row(id).getByTestId('mgmt-edit').click(); }
  async remove(id, { confirm = true } = {}) {
    await this.row(id).getByTestId('mgmt-delete').click();
    const dialog = this.row(id).getByTestId('confirm');
    await dialog.waitFor();
    await dialog.getByTestId(confirm ? 'confirm-yes' : 'confirm-no').click();
  }
}

/** Delivery measurements of standards with a KPI. */
export class MeasurementForm {
  constructor(page) { this.page = page; }
  async add({ standard, wave, value }) {
    if (standard !== undefined) await byTestId(this.page, 'measure-standard').selectOption(standard);
    if (wave !== undefined) await byTestId(this.page, 'measure-wave').fill(wave);
    await byTestId(this.page, 'measure-value').fill(value);
    await byTestId(this.page, 'measure-value').press('Enter');
  }
  saved() { return byTestId(this.page, 'measure-saved'); }
  problems() { return byTestId(this.page, 'measure-problems-item'); }
  group(standard) { return this.page.locator(`[data-testid="measure-group"][data-standard="${standard}"]`); }
  rows(standard) { return this.group(standard).getByTestId('measurement-row'); }
  async filter(wave) { await byTestId(this.page, 'measure-filter').selectOption(wave ?? ''); }
}

/** Complaints. */
export class ComplaintForm {
  constructor(page) { this.page = page; }
  async add({ date, wave, touchpoint, category, text }) {
    if (date !== undefined) await byTestId(this.page, 'complaint-date').fill(date);
    if (wave !== undefined) await byTestId(this.page, 'complaint-wave').fill(wave);
    if (touchpoint !== undefined) await byTestId(this.page, 'complaint-touchpoint').selectOption(touchpoint);
    if (category !== undefined) await byTestId(this.page, 'complaint-category').fill(category);
    if (text !== undefined) await byTestId(this.page, 'complaint-text').fill(text);
    await byTestId(this.page, 'complaint-add').click();
  }
  saved() { return byTestId(this.page, 'complaint-saved'); }
  problems() { return byTestId(this.page, 'complaint-problems-item'); }
  rows() { return byTestId(this.page, 'complaint-row'); }
  async filter(wave) { await byTestId(this.page, 'complaint-filter').selectOption(wave ?? ''); }
}
