// Page object for the Dashboard: the gap-model diagram, its values and links, by data-testid.
import { byTestId } from './harness.mjs';

/** The gaps the Dashboard shows a value for, as in `gap-value-<gap>`. */
export const GAPS = ['knowledge', 'standards', 'delivery', 'communication', 'perception', 'experience'];
/** The five gaps of the model (the CX gap is the headline beside the diagram). */
export const MODEL_GAPS = GAPS.slice(0, 5);

/** A displayed figure as a number: "−0.45" → -0.45; "–" (not measured) → null. */
export function parseShown(text) {
  const clean = text.trim().replace('−', '-');
  return clean === '–' || clean === '' ? null : Number(clean);
}

/** The figure the Dashboard shows for each gap, computed from a Results JSON document. */
export function expectedFigures(results) {
  const mean = (values) => {
    const present = values.filter((v) => v !== null && v !== undefined);
    return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
  };
  const o = results.overall;
  const measured = results.delivery.reduce((sum, d) => sum + d.n, 0);
  const met = results.delivery.reduce((sum, d) => sum + ((d.met_pct ?? 0) * d.n) / 100, 0);
  return {
    knowledge: { value: mean(results.items.map((i) => i.knowledge_gap?.mean)), decimals: 2 },
    standards: { value: o.standards_coverage_pct, decimals: 0 },
    delivery: { value: measured ? (100 * met) / measured : null, decimals: 0 },
    communication: { value: mean(results.items.map((i) => i.communication_gap?.mean)), decimals: 2 },
    perception: { value: o.weighted_perception_gap ?? o.perception_gap.mean, decimals: 2 },
    experience: { value: o.experience_gap_top_box?.gap_pp ?? null, decimals: 0 },
  };
}

export class DashboardPage {
  constructor(page) { this.page = page; }
  get = (id) => byTestId(this.page, id);

  async goto() {
    await this.get('nav-dashboard').click();
    // A project with nothing measured shows its empty state instead of the model.
    await this.get('gap-diagram').or(this.get('dashboard-empty')).first().waitFor();
  }
  /** The wave selected ("" = all waves). */
  wave() { return this.get('dashboard-wave').inputValue(); }
  async chooseWave(name) {
    await this.get('dashboard-wave').selectOption(name);
    await this.page.waitForFunction(
      (name) => (document.querySelector('[data-testid="dashboard-scope"]')?.textContent ?? '')
        .startsWith(name === '' ? 'All waves' : `Wave ${name}:`),
      name,
    );
  }
  /** Each gap's displayed value text, keyed by gap. */
  async shownValues() {
    const out = {};
    for (const gap of GAPS) out[gap] = (await this.get(`gap-value-${gap}`).textContent()).trim();
    return out;
  }
  link(gap) { return this.get(`gap-link-${gap}`); }
  status(gap) { return this.get(`gap-item-${gap}`).getByTestId('gap-status'); }
}
