// Entry of the trimmed ECharts build that Gaplens serves from its own dist/
// (bundled by scripts/echarts-build.mjs; never loaded by Node).
//
// Only what the five charts of src/ui/charts/ use: radar, bar, scatter, line,
// heatmap and custom series (for the CI error bars), with the SVG renderer so
// the Report can turn a chart into an SVG image that prints crisply.
//
// It defines two globals:
//   echarts         the ECharts core API (charming's wasm bindings call
//                   `echarts.init`; we call init, dispose and getInstanceByDom)
//   GaplensCharts   { setOption(chart, option) }: sets an option built by
//                   charming after two fix-ups charming cannot express without
//                   `new Function` (which our CSP forbids):
//                   - `renderItem: "gaplens:<name>"` strings become the
//                     functions below;
//                   - every tooltip renders as rich text inside the SVG, never
//                     as HTML, so user text is never parsed as markup and no
//                     inline style is written into the page.

import { dispose, getInstanceByDom, init, use } from 'echarts/core';
import { BarChart, CustomChart, HeatmapChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  RadarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  LabelLayout,
  SVGRenderer,
]);

/**
 * A horizontal error bar with whiskers, for a data item `[low, high, category]`
 * on a value x axis and a category y axis.
 */
function errorBar(params, api) {
  const category = api.value(2);
  const low = api.coord([api.value(0), category]);
  const high = api.coord([api.value(1), category]);
  const whisker = Math.max(3, api.size([0, 1])[1] * 0.18);
  const style = { stroke: api.visual('color'), lineWidth: 1.5, fill: null };
  const line = (x1, y1, x2, y2) => ({ type: 'line', transition: [], shape: { x1, y1, x2, y2 }, style });
  return {
    type: 'group',
    children: [
      line(low[0], low[1], high[0], high[1]),
      line(low[0], low[1] - whisker, low[0], low[1] + whisker),
      line(high[0], high[1] - whisker, high[0], high[1] + whisker),
    ],
  };
}

const RENDER_ITEMS = { 'gaplens:errorBar': errorBar };

function setOption(chart, option) {
  for (const series of [].concat(option.series || [])) {
    if (typeof series.renderItem === 'string') {
      series.renderItem = RENDER_ITEMS[series.renderItem];
      if (!series.renderItem) series.renderItem = () => null; // an unknown name draws nothing
    }
  }
  for (const tooltip of [].concat(option.tooltip || [])) {
    tooltip.renderMode = 'richText';
    tooltip.confine = true;
  }
  chart.setOption(option, { notMerge: true });
}

// Only the calls Gaplens makes: a narrow API lets esbuild drop the rest of the core.
globalThis.echarts = Object.freeze({ init, dispose, getInstanceByDom });
globalThis.GaplensCharts = Object.freeze({ setOption });
