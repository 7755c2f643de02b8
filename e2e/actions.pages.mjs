// Page object for the Actions page: priorities with the "why?" chain form, and the recorded
// actions with their follow-up verdicts, by data-testid.
import { byTestId } from './harness.mjs';

export class ActionsPage {
  constructor(page) { this.page = page; }
  get = (id) => byTestId(this.page, id);

  /** Opens the demo project's Actions page by its URL and waits for the recorded actions. */
  async open(projectId = 'demo-hotel') {
    await this.page.goto(new URL(`/#/p/${projectId}/actions`, this.page.url()).href);
    await this.get('actions-priorities').or(this.get('actions-no-priorities')).or(this.get('actions-empty')).first().waitFor();
  }

  priority(code) { return this.page.locator(`[data-testid="action-priority"][data-code="${code}"]`); }
  rows() { return this.get('action-row'); }
  row(id) { return this.page.locator(`[data-testid="action-row"][data-id="${id}"]`); }
  rowFor(item) { return this.page.locator(`[data-testid="action-row"][data-item="${item}"]`); }
  form() { return this.get('action-form'); }
  problems() { return this.form().getByTestId('action-problem'); }

  /** The ids of the recorded actions, in order. */
  async ids() {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.dataset.id));
  }

  /** Verdict, closed badge and numbers shown beside action `id`. */
  async followUp(id) {
    const box = this.row(id).getByTestId('action-follow-up');
    const closed = box.getByTestId('action-closed');
    return {
      verdict: await box.getAttribute('data-verdict'),
      label: await box.getByTestId('action-verdict').innerText(),
      closed: (await closed.count()) ? await closed.innerText() : null,
      numbers: await box.getByTestId('action-numbers').innerText(),
    };
  }

  /** Opens the form on priority `code`. */
  async start(code) {
    await this.priority(code).getByTestId('action-start').click();
    await this.form().waitFor();
  }

  /** Fills the open form: `whys` (adding steps as needed), owner, due date, status, action. */
  async fill({ whys, owner, due, status, text }) {
    const form = this.form();
    if (whys) {
      for (let i = 0; i < whys.length; i++) {
        const steps = form.getByTestId('action-why');
        if ((await steps.count()) <= i) await form.getByTestId('action-why-add').click();
        await steps.nth(i).fill(whys[i]);
      }
    }
    if (owner !== undefined) await form.getByTestId('action-owner').fill(owner);
    if (due !== undefined) await form.getByTestId('action-due').fill(due);
    if (status !== undefined) await form.getByTestId('action-status').selectOption(status);
    if (text !== undefined) await form.getByTestId('action-text').fill(text);
  }

  async save() { await this.form().getByTestId('action-save').click(); }
}
