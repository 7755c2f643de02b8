// Page object for the start guide: the checklist on a project's Dashboard, the first-visit
// guide and the one-line guide per project on the Projects page, by data-testid.
import { byTestId } from './harness.mjs';

export class Guide {
  constructor(page) { this.page = page; }
  /** The guide on the page shown (Dashboard checklist or first-visit guide). */
  root() { return byTestId(this.page, 'guide'); }
  step(kind) { return this.root().locator(`[data-testid="guide-step"][data-step="${kind}"]`); }
  link(kind) { return this.step(kind).getByTestId('guide-link'); }

  /** Each step's kind, "Done"/"To do" word, state text and whether it is the next one (read as
   *  text, so a folded checklist reads too). */
  async steps() {
    const rows = await this.root().getByTestId('guide-step').all();
    const out = [];
    for (const row of rows) {
      out.push({
        kind: await row.getAttribute('data-step'),
        done: (await row.getAttribute('data-done')) === 'true',
        word: (await row.getByTestId('guide-status').textContent()).trim(),
        state: (await row.getByTestId('guide-state').count()) ? (await row.getByTestId('guide-state').textContent()).trim() : null,
        next: (await row.getAttribute('aria-current')) === 'step',
      });
    }
    return out;
  }

  /** The kinds of the steps shown as done, in order. */
  async done() {
    return (await this.steps()).filter((s) => s.done).map((s) => s.kind);
  }

  /** The step emphasised as the next one. */
  async next() {
    return (await this.steps()).find((s) => s.next)?.kind ?? null;
  }

  /** Back to the project's start page (its Dashboard tab), where the checklist is. */
  async back() {
    await byTestId(this.page, 'nav-dashboard').click();
    await this.root().waitFor();
  }

  /** Follows step `kind`'s link and waits for `ready` (a data-testid) on the page it opens. */
  async follow(kind, ready) {
    await this.link(kind).click();
    await byTestId(this.page, ready).first().waitFor();
  }
}
