// The chart stage: Vega-Lite specs and named datasets in, SVG strings set in the report's fonts out.
export type { ChartInput, ChartTheme, DrawnChart } from './types.js';
export { forgetDrawnCharts, renderChart } from './memo.js';
export { recordedDrawings, REMEMBERED } from './drawn.js';
export { chartDataNames, describeChart, type AltWords } from './describe.js';
export { noDataChart } from './placeholder.js';
export { drawInParts, type ChartPart } from './parts.js';
