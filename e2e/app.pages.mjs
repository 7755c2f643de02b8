// Page objects for the Gaplens app: what a user does, by data-testid.
import { join } from 'node:path';
import { REPO_ROOT, byTestId } from './harness.mjs';

export const fixture = (name) => join(REPO_ROOT, 'e2e', 'fixtures', 'import', name);

export class ProjectsPage {
  constructor(page) { this.page = page; }
  rows() { return byTestId(this.page, 'project-row'); }
  row(name) { return this.rows().filter({ hasText: name }); }
  byId(id) { return this.page.locator(`[data-testid="project-row"][data-project-id="${id}"]`); }
  async goto() {
    await byTestId(this.page, 'nav-projects').click();
    await byTestId(this.page, 'create-project').waitFor();
  }
  /** Creates a project (which opens its Dashboard with the start guide), then opens its Data page. */
  async create(name) {
    await byTestId(this.page, 'new-project-name').fill(name);
    await byTestId(this.page, 'create-project').click();
    await byTestId(this.page, 'nav-data').click();
    await byTestId(this.page, 'import-file').waitFor();
  }
  async open(name) {
    await this.row(name).getByTestId('open-project').click();
  }
}

export class DataPage {
  constructor(page) { this.page = page; }
  async goto() { await byTestId(this.page, 'nav-data').click(); await byTestId(this.page, 'import-file').waitFor(); }
  async import(file, { defaultWave } = {}) {
    if (defaultWave !== undefined) await byTestId(this.page, 'import-default-wave').fill(defaultWave);
    await byTestId(this.page, 'import-file').setInputFiles(file);
  }
  result() { return byTestId(this.page, 'import-result'); }
  errors() { return byTestId(this.page, 'import-error'); }
  totalCustomers() { return byTestId(this.page, 'total-customers'); }
}

export class AnalysisPage {
  constructor(page) { this.page = page; }
  async goto() { await byTestId(this.page, 'nav-analysis').click(); await byTestId(this.page, 'analysis-table').waitFor(); }
  item(code) { return this.page.locator(`[data-testid="item-row"][data-code="${code}"]`); }
  dimension(code) { return this.page.locator(`[data-testid="dimension-row"][data-code="${code}"]`); }
  async figures(row) {
    const cell = async (id) => (await row.getByTestId(id).count()) ? (await row.getByTestId(id).innerText()).trim() : null;
    return { n: await cell('n'), gap: await cell('gap'), sd: await cell('sd'), se: await cell('se'), ci: await cell('ci'), status: await cell('status') };
  }
  /** Every item row's figures, keyed by item code. */
  async allItems() {
    const out = {};
    for (const row of await byTestId(this.page, 'item-row').all()) {
      out[await row.getAttribute('data-code')] = await this.figures(row);
    }
    return out;
  }
}

/** How the UI prints a figure: two decimals, a true minus sign, no "−0.00". */
export function shown(value) {
  if (value === null || value === undefined) return '–';
  let text = value.toFixed(2);
  if (text === '-0.00') text = '0.00';
  return text.replace('-', '−');
}
