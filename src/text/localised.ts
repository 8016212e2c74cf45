// Texts a dataset gives in several languages (review.yaml's subject, ladder labels): one text, or a map from locale
// to text. Which one a build prints: the build's locale, then its language, then the review's language, then the first.
import type { LocalisedText } from '../dataset/types.js';

const languageOf = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** The text for `locale` ("vi", "en-GB"), falling back to the review's `language`, then to the first entry. */
export function localised(text: LocalisedText, locale: string, language: string): string;
export function localised(text: LocalisedText | undefined, locale: string, language: string): string | undefined;
export function localised(text: LocalisedText | undefined, locale: string, language: string): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale] ?? text[languageOf(locale)] ?? text[language] ?? text[languageOf(language)] ?? Object.values(text)[0];
}
