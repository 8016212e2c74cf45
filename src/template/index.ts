// The template stage: Review → Markdown, through the template's Handlebars files (a user's folder first).
import type { Locale } from '../locale.js';
import type { Review } from '../review.js';
import { templateContext } from './context.js';
import { compileTemplate, MAIN_TEMPLATE } from './environment.js';

export { findTemplateFile, listTemplateFiles, MAIN_TEMPLATE, partialName, PARTIAL_SUFFIX } from './environment.js';
export { describeTemplate, type TemplateReference } from './reference.js';
export { escapeMarkdown } from './escape.js';

export interface RenderedTemplate {
  markdown: string;
  /** The main template file, named in messages about the Markdown it produced. */
  file: string;
}

export function renderTemplate(review: Review, dirs: readonly string[], locale: Locale): RenderedTemplate {
  const template = compileTemplate(dirs, MAIN_TEMPLATE, locale);
  return { markdown: template.render(templateContext(review, locale.labels, locale.name)).normalize('NFC'), file: template.main.path };
}
