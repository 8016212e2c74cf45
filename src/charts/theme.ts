// The report's look as a Vega-Lite config; compile() places it under a spec's own config, so a spec can restyle itself.
import type { Config } from 'vega-lite';
import type { ChartTheme } from './types.js';

/** Horizontal padding is zero so a chart's edges line up with the text column. */
const PADDING = { left: 0, right: 0, top: 4, bottom: 4 };

/** `cellWidth` is the width of a view that sets none; composite charts are fitted to the column through it. */
export function themeConfig(theme: ChartTheme, cellWidth: number = theme.width): Config {
  const label = { labelColor: theme.textColor, labelFontSize: theme.fontSize };
  const title = { titleColor: theme.textColor, titleFontSize: theme.fontSize, titleFontWeight: 'bold' as const };
  return {
    font: theme.fontFamily,
    background: theme.background ?? 'transparent',
    padding: PADDING,
    view: { stroke: null, continuousWidth: cellWidth },
    title: { color: theme.textColor, fontSize: theme.titleFontSize, fontWeight: 'bold', anchor: 'start', offset: 8 },
    axis: {
      ...label,
      ...title,
      gridColor: theme.gridColor,
      domainColor: theme.gridColor,
      tickColor: theme.gridColor,
      labelPadding: 3,
      titlePadding: 6,
    },
    legend: { ...label, ...title, symbolStrokeWidth: 0, labelLimit: theme.width / 2 },
    header: { ...label, ...title },
    text: { color: theme.textColor, fontSize: theme.fontSize },
    mark: { color: theme.colors[0] ?? theme.textColor },
    range: { category: theme.colors },
  };
}
