import { AxeBuilder } from '@axe-core/playwright';
import { openApp, byTestId } from './harness.mjs';
const app = await openApp({ dir: '/tmp/dist-offline', path: '/' });
await byTestId(app.page, 'project-row').first().waitFor();
for (const h of ['#/', '#/settings', '#/glossary', '#/p/demo-hotel/dashboard', '#/p/demo-hotel/journey', '#/p/demo-hotel/items', '#/p/demo-hotel/data', '#/p/demo-hotel/analysis', '#/p/demo-hotel/actions', '#/p/demo-hotel/report', '#/p/demo-hotel/questionnaire', '#/p/demo-hotel/collect']) {
  await app.page.goto(app.url + h); await app.page.waitForTimeout(1500);
  const r = await new AxeBuilder({ page: app.page }).analyze();
  console.log(h, r.passes.length, r.violations.map((v) => `${v.impact}:${v.id}(${v.nodes.length})`).join(' '), 'incomplete:', r.incomplete.filter(v=>['serious','critical'].includes(v.impact)).map((v) => `${v.impact}:${v.id}(${v.nodes.length})`).join(' '));
}
await app.close();
