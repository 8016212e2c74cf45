// What a figure shows when its chart has nothing to draw: one line of text in the chart's font, saying so.
import { escapeXml } from '../text/format.js';
import { noData } from './messages.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';

export function noDataChart(input: ChartInput, theme: ChartTheme, text: string): DrawnChart {
  const height = Math.ceil(theme.fontSize * 3);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${theme.width}" height="${height}" viewBox="0 0 ${theme.width} ${height}">` +
    `<rect x="0.5" y="0.5" width="${theme.width - 1}" height="${height - 1}" fill="none" stroke="${theme.gridColor}"/>` +
    `<text x="${theme.fontSize}" y="${(height + theme.fontSize * 0.7) / 2}" font-family="${escapeXml(theme.fontFamily)}" font-size="${theme.fontSize}" fill="${theme.textColor}">${escapeXml(text)}</text>` +
    `</svg>`;
  return { name: input.name, svg, width: theme.width, height, warnings: [noData(input)] };
}
