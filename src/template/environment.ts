// The Handlebars environment: finds template files (a user's folder before the built-in one), compiles them so
// that every {{value}} is escaped for Markdown, and checks helper and partial names before anything runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { displayPath } from '../input/paths.js';
import { error, ReviewError, type Diagnostic } from '../errors.js';
import { closest } from '../text/suggest.js';
import { escapeMarkdown } from './escape.js';
import { createHelpers, HelperArgumentError } from './helpers.js';
import { readInputText } from '../input/read.js';
import { declaredFieldNames } from '../input/schema.js';
import { messages } from './messages.js';
import { hasLabel, type LabelTree, type Locale } from '../locale/index.js';
import { markOrigins, unmark, type Unmarked } from './origins.js';

type Node = hbs.AST.Node & Record<string, unknown>;

const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
/** The escaping helper every escaped mustache is rewritten to call; its name cannot clash with a template's. */
const ESCAPE = '__markdown';
/** The main template, which names the parts in order. */
export const MAIN_TEMPLATE = 'report.md.hbs';
export const PARTIAL_SUFFIX = '.md.hbs';
/** "partials/cover.md.hbs" → "cover" */
export const partialName = (file: string) => file.slice('partials/'.length, -PARTIAL_SUFFIX.length);

export interface TemplateFile {
  /** Path relative to the template folder, e.g. "partials/cover.md.hbs". */
  name: string;
  /** Absolute path of the file that wins (user folder first). */
  path: string;
}

/** Finds a file in the first folder that has it. */
export function findTemplateFile(dirs: readonly string[], name: string): TemplateFile | undefined {
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      readFileSync(path);
      return { name, path };
    } catch {
      // not in this folder: try the next
    }
  }
  return undefined;
}

/** Every file of a sub-folder across the template folders, the first folder winning for each name. */
export function listTemplateFiles(dirs: readonly string[], sub: string, suffix: string): TemplateFile[] {
  const found = new Map<string, TemplateFile>();
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const n of names.filter((x) => x.endsWith(suffix)).sort()) {
      if (!found.has(n)) found.set(n, { name: `${sub}/${n}`, path: join(dir, sub, n) });
    }
  }
  return [...found.values()];
}

/** Rewrites {{x}} and {{helper x}} into {{__markdown x}} / {{__markdown (helper x)}}: the one escaping point. */
function routeThroughEscape(node: unknown, helperNames: ReadonlySet<string>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => routeThroughEscape(n, helperNames));
  const n = node as Node;
  if (n.type === 'MustacheStatement' && n.escaped) {
    const m = n as unknown as hbs.AST.MustacheStatement & { escaped: boolean };
    const isCall = m.params.length > 0 || m.hash !== undefined || (m.path.type === 'PathExpression' && helperNames.has((m.path as hbs.AST.PathExpression).original));
    const inner: hbs.AST.Expression = isCall
      ? ({ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as hbs.AST.SubExpression)
      : (m.path as hbs.AST.Expression);
    m.path = { type: 'PathExpression', data: false, depth: 0, parts: [ESCAPE], original: ESCAPE, loc: m.loc } as hbs.AST.PathExpression;
    m.params = [inner];
    m.hash = undefined as unknown as hbs.AST.Hash;
    m.escaped = false;
    return;
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') routeThroughEscape(value, helperNames);
}

/** Unknown helpers and partials, each located, with a suggestion. */
function checkNames(node: unknown, file: string, helpers: ReadonlySet<string>, partials: ReadonlySet<string>, out: Diagnostic[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => checkNames(n, file, helpers, partials, out));
  const n = node as Node;
  const at = (loc: hbs.AST.SourceLocation | undefined) => ({ file: displayPath(file), ...(loc ? { line: loc.start.line, column: loc.start.column + 1 } : {}) });
  if (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') {
    const call = n as unknown as hbs.AST.MustacheStatement;
    const calls = call.params.length > 0 || call.hash !== undefined;
    if (calls && call.path.type === 'PathExpression') {
      const name = (call.path as hbs.AST.PathExpression).original;
      if (!helpers.has(name)) {
        const guess = closest(name, helpers);
        out.push(error('template/unknown-helper', messages.unknownHelper(name), at(call.loc), guess && messages.didYouMean(guess)));
      }
    }
  }
  if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
    const p = n as unknown as hbs.AST.PartialStatement;
    if (p.name.type === 'PathExpression') {
      const name = (p.name as hbs.AST.PathExpression).original;
      if (!partials.has(name)) {
        const guess = closest(name, partials);
        out.push(error('template/unknown-partial', messages.unknownPartial(name), at(p.loc), guess && messages.didYouMean(guess)));
      }
    }
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') checkNames(value, file, helpers, partials, out);
}

/** Names every object inherits: Handlebars refuses to read them (and would only log it); we refuse them, located. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A field path reaching into an object's prototype ({{constructor}}, {{x.__proto__}}), located. */
function checkPrototypeAccess(node: unknown, file: string, out: Diagnostic[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => checkPrototypeAccess(n, file, out));
  const n = node as Node;
  if (n.type === 'PathExpression') {
    const path = n as unknown as hbs.AST.PathExpression;
    const name = path.parts.find((p) => PROTOTYPE_NAMES.has(p));
    if (name !== undefined) out.push(error('template/prototype-access', messages.prototypeAccess(`"${path.original}"`, name), { file: displayPath(file), ...(path.loc ? { line: path.loc.start.line, column: path.loc.start.column + 1 } : {}) }));
    return;
  }
  // {{lookup x "constructor"}} names the field in a string.
  const call = n as unknown as hbs.AST.MustacheStatement;
  if ((n.type === 'MustacheStatement' || n.type === 'SubExpression') && call.path.type === 'PathExpression' && (call.path as hbs.AST.PathExpression).original === 'lookup') {
    const key = call.params[1];
    if (key?.type === 'StringLiteral' && PROTOTYPE_NAMES.has((key as hbs.AST.StringLiteral).value)) {
      const value = (key as hbs.AST.StringLiteral).value;
      out.push(error('template/prototype-access', messages.prototypeAccess('the lookup', value), { file: displayPath(file), ...(key.loc ? { line: key.loc.start.line, column: key.loc.start.column + 1 } : {}) }));
    }
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') checkPrototypeAccess(value, file, out);
}

/** The partials a template includes by name, each with where it does. */
function partialsIncluded(node: unknown, out: { name: string; loc?: hbs.AST.SourceLocation }[] = []): { name: string; loc?: hbs.AST.SourceLocation }[] {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    node.forEach((n) => partialsIncluded(n, out));
    return out;
  }
  const n = node as Node;
  if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && (n as unknown as hbs.AST.PartialStatement).name.type === 'PathExpression') {
    const p = n as unknown as hbs.AST.PartialStatement;
    out.push({ name: (p.name as hbs.AST.PathExpression).original, ...(p.loc ? { loc: p.loc } : {}) });
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') partialsIncluded(value, out);
  return out;
}

/** A partial that includes itself, directly or through others, would recurse until the stack overflows. */
function checkPartialCycles(files: readonly { file: TemplateFile; ast: hbs.AST.Program }[], out: Diagnostic[]): void {
  const byName = new Map(files.filter((f) => f.file.name.startsWith('partials/')).map((f) => [partialName(f.file.name), f]));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    const entry = byName.get(name);
    if (!entry || state.get(name) === 'done') return;
    state.set(name, 'open');
    for (const inc of partialsIncluded(entry.ast)) {
      if (state.get(inc.name) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(inc.name)), name, inc.name];
        out.push(error('template/partial-cycle', messages.partialCycle(cycle), { file: displayPath(entry.file.path), ...(inc.loc ? { line: inc.loc.start.line, column: inc.loc.start.column + 1 } : {}) }));
        continue;
      }
      visit(inc.name, [...trail, name]);
    }
    state.set(name, 'done');
  };
  for (const name of [...byName.keys()].sort()) visit(name, []);
}

/** The field path written at a line and column of a template ("meta.titel"), if one starts there. */
function pathAt(node: unknown, line: number, column: number): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as Node;
  if (n.type === 'PathExpression') {
    const loc = (n as unknown as hbs.AST.PathExpression).loc;
    if (loc?.start.line === line && loc.start.column === column) return (n as unknown as hbs.AST.PathExpression).original;
  }
  for (const value of Object.values(n)) {
    const found = value && typeof value === 'object' ? pathAt(value, line, column) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** An error thrown while rendering, and the template file it came from (the innermost partial). */
const errorFile = new WeakMap<object, string>();

/** Every {{t "key"}} names a text of the locale: checked before rendering, located, with a suggestion. */
function checkTextKeys(node: unknown, file: string, labels: LabelTree, out: Diagnostic[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => checkTextKeys(n, file, labels, out));
  const n = node as Node;
  if (n.type === 'MustacheStatement' || n.type === 'SubExpression') {
    const call = n as unknown as hbs.AST.MustacheStatement;
    const key = call.params[0];
    if (call.path.type === 'PathExpression' && (call.path as hbs.AST.PathExpression).original === 't' && key?.type === 'StringLiteral') {
      const name = (key as hbs.AST.StringLiteral).value;
      if (!hasLabel(labels, name)) {
        const all = Object.entries(labels).flatMap(([g, texts]) => Object.keys(texts).map((k) => `${g}.${k}`));
        const guess = closest(name, all);
        out.push(error('template/unknown-text', messages.unknownText(name), { file: displayPath(file), ...(call.loc ? { line: call.loc.start.line, column: call.loc.start.column + 1 } : {}) }, guess && messages.didYouMean(guess)));
      }
    }
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') checkTextKeys(value, file, labels, out);
}

function parse(file: TemplateFile, text: string): hbs.AST.Program | Diagnostic {
  try {
    return Handlebars.parse(text);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const line = err.lineNumber ?? Number(/on line (\d+)/.exec(err.message)?.[1] ?? NaN);
    const detail = (err.message.split('\n').pop() ?? err.message).replace(/ - \d+:\d+$/, '');
    return error('template/syntax', messages.syntax(detail), {
      file: displayPath(file.path),
      ...(Number.isFinite(line) ? { line } : {}),
      ...(err.column !== undefined ? { column: err.column + 1 } : {}),
    });
  }
}

export interface CompiledTemplate {
  /** Renders the main template to Markdown, with the template file and line each line of it came from. */
  render(context: object): Unmarked;
  main: TemplateFile;
}

/** Loads, checks and compiles a template from its folders (highest priority first). */
export function compileTemplate(dirs: readonly string[], mainName: string, locale: Locale): CompiledTemplate {
  const env = Handlebars.create();
  const helpers = createHelpers(env.SafeString, locale);
  env.registerHelper(helpers);
  env.registerHelper(ESCAPE, (value: unknown) => {
    if (value instanceof env.SafeString) return value.toString();
    if (value === null || value === undefined) return '';
    return escapeMarkdown(String(value));
  });
  const main = findTemplateFile(dirs, mainName);
  if (!main) throw new ReviewError([error('template/missing', messages.missingMain(mainName), { file: displayPath(dirs[dirs.length - 1] ?? '.') })]);
  const partialFiles = listTemplateFiles(dirs, 'partials', PARTIAL_SUFFIX);
  const partialNames = new Set(partialFiles.map((p) => partialName(p.name)));
  const helperNames = new Set([...Object.keys(helpers), ...BUILTIN_HELPERS]);

  const diagnostics: Diagnostic[] = [];
  const parsed = [main, ...partialFiles].flatMap((file) => {
    const text = readInputText(file.path, (detail) => error('template/syntax', messages.syntax(detail), { file: displayPath(file.path) }));
    const ast = typeof text === 'string' ? parse(file, text) : text;
    if (!('type' in ast && ast.type === 'Program')) {
      diagnostics.push(ast as Diagnostic);
      return [];
    }
    checkNames(ast, file.path, helperNames, partialNames, diagnostics);
    checkTextKeys(ast, file.path, locale.labels, diagnostics);
    checkPrototypeAccess(ast, file.path, diagnostics);
    return [{ file, ast, text: text as string }];
  });
  checkPartialCycles(parsed, diagnostics);
  if (diagnostics.length) throw new ReviewError(diagnostics);
  /**
   * Compiles the main template with its partials into `target`. Each file is parsed afresh: compiling is lazy, so
   * two compilations must not share a tree that one of them rewrites.
   */
  const compileInto = (target: typeof Handlebars, strict: boolean): Handlebars.TemplateDelegate => {
    const [mainTemplate, ...partials] = parsed.map(({ file, text }, index) => {
      const ast = Handlebars.parse(text);
      if (!strict) {
        routeThroughEscape(ast, new Set(Object.keys(helpers)));
        markOrigins(ast, index);
      }
      const template = target.compile(ast, { noEscape: true, preventIndent: true, strict });
      // An error in a partial is told with the partial's file, not the main template's.
      const tagged: Handlebars.TemplateDelegate = (context, options) => {
        try {
          return template(context, options);
        } catch (e) {
          if (e && typeof e === 'object' && !errorFile.has(e)) errorFile.set(e, file.path);
          throw e;
        }
      };
      return { file, template: tagged };
    });
    partials.forEach((p) => target.registerPartial(partialName(p.file.name), p.template));
    return mainTemplate!.template;
  };
  const renderMain = compileInto(env, false);
  // The same template in Handlebars' strict mode, where printing a field the context lacks throws: run first, it
  // finds misspelt fields ({{meta.titel}}) that would otherwise print nothing. Tests ({{#if x}}) are not affected.
  const checker = Handlebars.create();
  checker.registerHelper(helpers);
  const checkFields = compileInto(checker, true);
  const runtimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return {
    main,
    render(context) {
      let rendered: string;
      try {
        checkFields(context, runtimeOptions);
      } catch (e) {
        const missing = e instanceof Error && /^"([^"]+)" not defined in /.exec(e.message);
        // A field the dataset's schemas declare is optional and may be absent; only a name no schema knows is a mistake.
        if (missing && !declaredFieldNames().has(missing[1]!)) {
          const err = e as Error & { lineNumber?: number; column?: number };
          const path = errorFile.get(e) ?? main.path;
          const file = displayPath(path);
          const ast = parsed.find((p) => p.file.path === path)?.ast;
          const shown = (err.lineNumber !== undefined && ast && pathAt(ast, err.lineNumber, err.column ?? 0)) || missing[1]!;
          throw new ReviewError([error('template/unknown-field', messages.unknownField(shown), { file, ...(err.lineNumber !== undefined ? { line: err.lineNumber, column: (err.column ?? 0) + 1 } : {}) })]);
        }
        // Any other failure is the main render's to report.
      }
      try {
        // Prototype access is refused by the checks above; saying so here keeps Handlebars from logging about it.
        rendered = renderMain(context, runtimeOptions);
      } catch (e) {
        const err = e as Error & { lineNumber?: number; column?: number };
        const file = displayPath((e !== null && typeof e === 'object' ? errorFile.get(e) : undefined) ?? main.path);
        if (e instanceof HelperArgumentError) throw new ReviewError([error('template/helper-argument', messages.badArgument(e.helper, e.detail), { file, ...e.at })]);
        throw new ReviewError([
          error('template/runtime', messages.runtime(err.message.replace(/ - \d+:\d+$/, '')), {
            file,
            ...(err.lineNumber !== undefined ? { line: err.lineNumber } : {}),
          }),
        ]);
      }
      const markdown = unmark(rendered, parsed.map((p) => displayPath(p.file.path)), { file: displayPath(main.path), line: 1 });
      // A blank review would replace a good one with an empty page.
      if (markdown.text.trim() === '') throw new ReviewError([error('template/empty', messages.empty(), { file: displayPath(main.path) })]);
      return markdown;
    },
  };
}
