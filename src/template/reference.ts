// What a template folder holds, read from its own files: the description comment at the top of each Handlebars file,
// each chart spec's "description", and the comment beside each theme key. `annual-review init` writes it as a README,
// so the list of parts a user can change is never kept by hand.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { findTemplateFile, listTemplateFiles, MAIN_TEMPLATE, PARTIAL_SUFFIX } from './environment.js';

export interface Described {
  name: string;
  /** One line; empty when the file or key has none. */
  description: string;
}

export interface TemplateReference {
  /** The main template and the partials, by file name relative to the template folder. */
  templates: Described[];
  /** Chart names, as `:::figure{chart="name"}` uses them. */
  charts: Described[];
  /** Theme keys as dotted paths, in the order of theme.yaml. */
  theme: Described[];
}

const CHART_SUFFIX = '.vl.json';

/** The first sentence of a text, on one line. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}

/** The `{{!-- … --}}` or `{{! … }}` comment a Handlebars file opens with. */
export function templateDescription(text: string): string {
  const m = /^\s*\{\{!(?:--([\s\S]*?)--|([^}]*))\}\}/.exec(text);
  return m ? firstSentence(m[1] ?? m[2] ?? '') : '';
}

function chartDescription(text: string): string {
  try {
    const spec = JSON.parse(text) as { description?: unknown; title?: unknown };
    return firstSentence(typeof spec.description === 'string' ? spec.description : typeof spec.title === 'string' ? spec.title : '');
  } catch {
    return '';
  }
}

/**
 * Every key of a theme file with its description: the comment at the end of the key's line, or else the comment
 * lines directly above it at the same indentation. (The yaml library attaches comments to different nodes depending
 * on where they stand, so they are read from the lines.)
 */
export function themeKeys(text: string): Described[] {
  const lines = text.split('\n');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const out: Described[] = [];
  const trailing = (line: string, from: number): string => {
    // A comment starts at a # preceded by white space and outside quotes.
    let quote: string | undefined;
    for (let i = from; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && /\s/.test(line[i - 1] ?? ' ')) return line.slice(i + 1).trim();
    }
    return '';
  };
  const above = (lineIndex: number, indent: string): string => {
    const comments: string[] = [];
    for (let i = lineIndex - 1; i >= 0; i--) {
      const l = lines[i]!;
      if (!l.startsWith(`${indent}#`)) break;
      comments.unshift(l.slice(indent.length + 1).trim());
    }
    return comments.join(' ');
  };
  const walk = (map: YAMLMap, prefix: string): void => {
    for (const pair of map.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = `${prefix}${String(pair.key.value)}`;
      const start = pair.key.range[0];
      const { line, col } = counter.linePos(start);
      const text = lines[line - 1] ?? '';
      const value = pair.value as { range?: [number, number, number] } | null;
      // Skip the key and, when the value is on the same line, the value (a quoted "#rrggbb" is not a comment).
      const valueEnd = value?.range ? counter.linePos(value.range[1]) : undefined;
      const from = valueEnd && valueEnd.line === line ? valueEnd.col - 1 : col - 1 + String(pair.key.value).length;
      const description = trailing(text, from) || above(line - 1, text.slice(0, col - 1));
      out.push({ name: key, description: firstSentence(description) });
      if (isMap(pair.value) && !pair.value.flow) walk(pair.value, `${key}.`);
    }
  };
  if (isMap(doc.contents)) walk(doc.contents, '');
  return out;
}

/** Describes the template in `dir` (the built-in one, for init). */
export function describeTemplate(dir: string): TemplateReference {
  const read = (path: string) => readFileSync(path, 'utf8');
  const main = findTemplateFile([dir], MAIN_TEMPLATE);
  const theme = findTemplateFile([dir], 'theme.yaml');
  return {
    templates: [...(main ? [main] : []), ...listTemplateFiles([dir], 'partials', PARTIAL_SUFFIX)].map((f) => ({
      name: f.name,
      description: templateDescription(read(f.path)),
    })),
    charts: listTemplateFiles([dir], 'charts', CHART_SUFFIX).map((f) => ({
      name: f.name.slice('charts/'.length, -CHART_SUFFIX.length),
      description: chartDescription(read(f.path)),
    })),
    theme: theme ? themeKeys(read(theme.path)) : [],
  };
}
