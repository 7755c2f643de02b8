// Page object for the charts of the Analysis page (src/ui/charts/).
import { byTestId } from './harness.mjs';

export const CHART_SLUGS = Object.freeze(['radar', 'gap-bars', 'ipa', 'trends', 'journey-heat-map']);

export class ChartsSection {
  constructor(page) {
    this.page = page;
  }

  chart(slug) {
    return byTestId(this.page, `chart-${slug}`);
  }

  /** Opens the demo's Analysis page (optionally at a section) and waits for every chart. */
  async open(projectId = 'demo-hotel', section = '') {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/p/${projectId}/analysis${section ? `/${section}` : ''}`);
    await byTestId(this.page, 'charts').waitFor();
    await this.waitDrawn();
  }

  /** Waits until every chart has been drawn (or says why it is empty). */
  async waitDrawn() {
    await this.page.waitForFunction(
      (slugs) =>
        slugs.every((slug) => {
          const figure = document.querySelector(`[data-testid="chart-${slug}"]`);
          return figure && ['drawn', 'empty'].includes(figure.dataset.state);
        }),
      CHART_SLUGS,
    );
  }

  /** { slug: revision } of every chart. */
  async revisions() {
    return this.page.evaluate(
      (slugs) =>
        Object.fromEntries(
          slugs.map((slug) => [slug, Number(document.querySelector(`[data-testid="chart-${slug}"]`)?.dataset.revision ?? -1)]),
        ),
      CHART_SLUGS,
    );
  }

  /** Waits until every chart in `slugs` has a revision above `before[slug]`. */
  async waitRedrawn(before, slugs = CHART_SLUGS) {
    await this.page.waitForFunction(
      ({ before, slugs }) =>
        slugs.every((slug) => Number(document.querySelector(`[data-testid="chart-${slug}"]`)?.dataset.revision) > before[slug]),
      { before, slugs },
    );
  }

  /** The text of a chart's table alternative. */
  async numbers(slug) {
    return (await this.chart(slug).locator('details.chart-numbers table').textContent()) ?? '';
  }

  /** Live ECharts instances: chart containers that ECharts still knows. */
  async liveInstances() {
    return this.page.evaluate(() => {
      const registry = globalThis.echarts;
      const marked = document.querySelectorAll('[_echarts_instance_]:not([_echarts_instance_=""])').length;
      const known = registry
        ? [...document.querySelectorAll('.chart-canvas')].filter((el) => registry.getInstanceByDom(el)).length
        : 0;
      return { marked, known };
    });
  }

  /** Selects `wave` ('' = all) in the wave filter. */
  async selectWave(wave) {
    await byTestId(this.page, 'wave-filter').selectOption(wave);
  }
}
