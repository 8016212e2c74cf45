// The template stage: Review → Markdown, through the template's Handlebars files (a user's folder first).
import type { Origin } from '../document.js';
import type { Locale } from '../locale/index.js';
import type { Review } from '../review.js';
import { templateContext } from './context.js';
import { compileTemplate, MAIN_TEMPLATE } from './environment.js';

export { findTemplateFile, listTemplateFiles, MAIN_TEMPLATE, partialName, PARTIAL_SUFFIX } from './environment.js';
export { describeTemplate, type TemplateReference } from './reference.js';
export { escapeMarkdown } from './escape.js';
export { messages } from './messages.js';
export { scaffoldFiles } from './scaffold.js';

export interface RenderedTemplate {
  markdown: string;
  /** Where each line of the Markdown was written (index 0 is line 1): a template file and its line. */
  origins: Origin[];
}

/** The review's Markdown, from the template in `dirs`; with `cacheDir`, its compiled code is kept there between runs. */
export function renderTemplate(review: Review, dirs: readonly string[], locale: Locale, cacheDir?: string): RenderedTemplate {
  const template = compileTemplate(dirs, MAIN_TEMPLATE, locale, 'user', cacheDir);
  const { text, lines } = template.render(templateContext(review, locale.labels, locale.name));
  return { markdown: text.normalize('NFC'), origins: lines };
}
