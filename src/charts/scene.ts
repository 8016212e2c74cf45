// Finishing the scenegraph before it is serialised: text in the theme's faces, truncated by our metrics, no images.
import { fittedText, isBold, type ChartFonts, type TextItem } from './metrics.js';

interface SceneItem extends TextItem {
  items?: SceneMark[];
  font?: string;
  fontStyle?: string;
  fontVariant?: string;
  lineBreak?: string;
}

interface SceneMark {
  marktype: string;
  items?: SceneItem[];
}

/** A mark and every mark nested in its group items, in drawing order. */
function marksOf(mark: SceneMark): SceneMark[] {
  return [mark, ...(mark.items ?? []).flatMap((item) => (item.items ?? []).flatMap(marksOf))];
}

export function hasImages(root: unknown): boolean {
  return marksOf(root as SceneMark).some((mark) => mark.marktype === 'image' && (mark.items ?? []).length > 0);
}

/**
 * Rewrites every text item into the one form the PDF stage understands: the theme's family, weight either
 * "bold" or absent (the only faces measured and embedded), and text already cut to its limit with our metrics,
 * since Vega's own truncation would disagree with the widths it was laid out with.
 */
export function finishText(root: unknown, fonts: ChartFonts, fontFamily: string): void {
  for (const mark of marksOf(root as SceneMark)) {
    if (mark.marktype !== 'text') continue;
    for (const item of mark.items ?? []) finishTextItem(item, fonts, fontFamily);
  }
}

function finishTextItem(item: SceneItem, fonts: ChartFonts, fontFamily: string): void {
  const lines = textLines(item).map((line) => fittedText(fonts, item, line));
  item.text = lines.length === 1 ? lines[0] : lines;
  item.lineBreak = undefined;
  item.limit = 0;
  item.font = fontFamily;
  item.fontWeight = isBold(item.fontWeight) ? 'bold' : undefined;
  item.fontStyle = undefined;
  item.fontVariant = undefined;
}

function textLines(item: SceneItem): unknown[] {
  if (Array.isArray(item.text)) return item.text;
  if (item.lineBreak && typeof item.text === 'string') return item.text.split(item.lineBreak);
  return [item.text];
}
