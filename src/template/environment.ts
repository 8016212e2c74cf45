// The Handlebars environment: finds template files (a user's folder before the built-in one), compiles them so
// that every {{value}} is escaped for Markdown, and checks helper and partial names before anything runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { builtinTemplateDir, codeIdentity, displayPath } from '../input/paths.js';
import { keepInCache, readCacheEntry, sha256 } from '../output/index.js';
import { error, ReviewError, type Diagnostic } from '../errors.js';
import { closest } from '../text/suggest.js';
import { escapeMarkdown, textOf } from './escape.js';
import { createHelpers, HelperArgumentError } from './helpers.js';
import { readInputText } from '../input/read.js';
import { declaredFieldNames } from '../input/schema.js';
import { messages } from './messages.js';
import { hasLabel, type LabelTree, type Locale } from '../locale/index.js';
import { markOrigins, unmark, type Unmarked } from './origins.js';

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

/** A location in a template file, as messages give it. */
const at = (file: string, loc: hbs.AST.SourceLocation | undefined) => ({ file: displayPath(file), ...(loc ? { line: loc.start.line, column: loc.start.column + 1 } : {}) });

/** A call's name when it names a helper by a plain path (`{{money x}}`, `(t "key")`). */
const calledName = (call: { path: hbs.AST.Expression }) => (call.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : undefined);

/** Whether a call passes arguments (`{{x y}}`, `{{x k=v}}`): a mustache without any has no hash at all. */
const hasArguments = (call: { params: unknown[]; hash: hbs.AST.Hash | undefined }) => call.params.length > 0 || call.hash !== undefined;

/** Names every object inherits: Handlebars refuses to read them (and would only log it); we refuse them, located. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * One walk over a template's tree with Handlebars' own visitor, finding what would fail or mislead at render time,
 * each problem located with a suggestion: unknown helpers, partials and texts ({{t "key"}}), and field paths that
 * reach into an object's prototype ({{constructor}}, {{lookup x "__proto__"}}). It also lists the partials included.
 */
class TemplateChecker extends Handlebars.Visitor {
  readonly problems: Diagnostic[] = [];
  readonly included: { name: string; loc: hbs.AST.SourceLocation }[] = [];

  constructor(
    private readonly file: string,
    private readonly helpers: ReadonlySet<string>,
    private readonly partials: ReadonlySet<string>,
    private readonly labels: LabelTree,
  ) {
    super();
  }

  private call(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement): void {
    const name = calledName(node);
    if (name === undefined) return;
    if (hasArguments(node) && !this.helpers.has(name)) {
      const guess = closest(name, this.helpers);
      this.problems.push(error('template/unknown-helper', messages.unknownHelper(name), at(this.file, node.loc), guess && messages.didYouMean(guess)));
    }
    const [first, second] = node.params;
    if (name === 't' && first?.type === 'StringLiteral') {
      const key = (first as hbs.AST.StringLiteral).value;
      if (!hasLabel(this.labels, key)) {
        const guess = closest(
          key,
          Object.entries(this.labels).flatMap(([g, texts]) => Object.keys(texts).map((k) => `${g}.${k}`)),
        );
        this.problems.push(error('template/unknown-text', messages.unknownText(key), at(this.file, node.loc), guess && messages.didYouMean(guess)));
      }
    }
    // {{lookup x "constructor"}} names the field in a string.
    if (name === 'lookup' && second?.type === 'StringLiteral' && PROTOTYPE_NAMES.has((second as hbs.AST.StringLiteral).value)) {
      this.problems.push(error('template/prototype-access', messages.prototypeAccess('the lookup', (second as hbs.AST.StringLiteral).value), at(this.file, second.loc)));
    }
  }

  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    this.call(node);
    super.MustacheStatement(node);
  }

  override SubExpression(node: hbs.AST.SubExpression): void {
    this.call(node);
    super.SubExpression(node);
  }

  override BlockStatement(node: hbs.AST.BlockStatement): void {
    this.call(node);
    super.BlockStatement(node);
  }

  override PathExpression(node: hbs.AST.PathExpression): void {
    const name = node.parts.find((p) => PROTOTYPE_NAMES.has(p));
    if (name !== undefined) this.problems.push(error('template/prototype-access', messages.prototypeAccess(`"${node.original}"`, name), at(this.file, node.loc)));
  }

  private partial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement): void {
    if (node.name.type !== 'PathExpression') return;
    const name = node.name.original;
    this.included.push({ name, loc: node.loc });
    if (!this.partials.has(name)) {
      const guess = closest(name, this.partials);
      this.problems.push(error('template/unknown-partial', messages.unknownPartial(name), at(this.file, node.loc), guess && messages.didYouMean(guess)));
    }
  }

  override PartialStatement(node: hbs.AST.PartialStatement): void {
    this.partial(node);
    super.PartialStatement(node);
  }

  override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
    this.partial(node);
    super.PartialBlockStatement(node);
  }
}

/** Rewrites {{x}} and {{helper x}} into {{__markdown x}} / {{__markdown (helper x)}}: the one escaping point. */
class EscapeRouter extends Handlebars.Visitor {
  constructor(private readonly helperNames: ReadonlySet<string>) {
    super();
  }

  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    const m = node as hbs.AST.MustacheStatement & { escaped: boolean };
    if (!m.escaped) return;
    const name = calledName(m);
    const isCall = hasArguments(m) || (name !== undefined && this.helperNames.has(name));
    const inner: hbs.AST.Expression = isCall ? ({ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as hbs.AST.SubExpression) : m.path;
    m.path = { type: 'PathExpression', data: false, depth: 0, parts: [ESCAPE], original: ESCAPE, loc: m.loc };
    m.params = [inner];
    m.hash = undefined as unknown as hbs.AST.Hash;
    m.escaped = false;
  }
}

/** A partial that includes itself, directly or through others, would recurse until the stack overflows. */
function checkPartialCycles(files: readonly { file: TemplateFile; included: TemplateChecker['included'] }[], out: Diagnostic[]): void {
  const byName = new Map(files.filter((f) => f.file.name.startsWith('partials/')).map((f) => [partialName(f.file.name), f]));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    const entry = byName.get(name);
    if (!entry || state.get(name) === 'done') return;
    state.set(name, 'open');
    for (const inc of entry.included) {
      if (state.get(inc.name) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(inc.name)), name, inc.name];
        out.push(error('template/partial-cycle', messages.partialCycle(cycle), at(entry.file.path, inc.loc)));
        continue;
      }
      visit(inc.name, [...trail, name]);
    }
    state.set(name, 'done');
  };
  for (const name of [...byName.keys()].sort()) visit(name, []);
}

/** The field path written at a line and column of a template ("meta.titel"), if one starts there. */
function pathAt(ast: hbs.AST.Program, line: number, column: number): string | undefined {
  let found: string | undefined;
  const finder = new (class extends Handlebars.Visitor {
    override PathExpression(node: hbs.AST.PathExpression): void {
      if (found === undefined && node.loc.start.line === line && node.loc.start.column === column) found = node.original;
    }
  })();
  finder.accept(ast);
  return found;
}

/** An error thrown while rendering, and the template file it came from (the innermost partial). */
const errorFile = new WeakMap<object, string>();

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

/** The options every template is compiled with (strict mode for the check of fields). */
const compileOptions = (strict: boolean) => ({ noEscape: true, preventIndent: true, strict });

/**
 * Each file's template compiled to JavaScript (Handlebars' precompiled form, the one its `template` runs): in the
 * main render, every value printed goes through the Markdown escape and every line is marked with its origin. The
 * specs are kept in memory and, with `cacheDir`, on disk, under a hash of the files' names and texts, the helpers'
 * names, the mode, and the Handlebars version and this folder's code, so that unchanged templates are not compiled
 * again.
 */
function compiledSpecs(files: readonly { path: string; text: string }[], helperNames: readonly string[], strict: boolean, cacheDir?: string): TemplateSpecification[] {
  const key = specKey(JSON.stringify([files, [...helperNames].sort(), strict]));
  const known = specs.get(key);
  if (known) return known;
  const slot = cacheDir === undefined ? undefined : join(cacheDir, 'templates', `${sha256(JSON.stringify([files.map((f) => f.path), strict]))}.json`);
  const kept = slot === undefined ? undefined : keptSpecs(slot, key, files.length);
  const sources =
    kept ??
    files.map(({ text }, index) => {
      const ast = Handlebars.parse(text);
      if (!strict) {
        new EscapeRouter(new Set(helperNames)).accept(ast);
        markOrigins(ast, index);
      }
      return Handlebars.precompile(ast, compileOptions(strict)) as unknown as string;
    });
  if (!kept && slot !== undefined) keepInCache(slot, JSON.stringify({ key, sources }));
  // Handlebars' own way to load a precompiled template, as `compile` does with the same code.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const load = (source: string) => new Function(`return ${source};`) as () => TemplateSpecification;
  const loaded = sources.map((source) => load(source)());
  if (specs.size >= 16) specs.clear();
  specs.set(key, loaded);
  return loaded;
}

/** Keys of templates (files, helpers, partials, labels) that passed the checks in this process. */
const checked = new Set<string>();

/**
 * Whether a template whose files have these texts passed the checks (unknown helpers, partials and labels, syntax,
 * partials that include themselves) in this process or, with `cacheDir`, in an earlier one, under a hash of everything
 * they read and of the checking code: such a template is not parsed to be checked again. `keep` notes that it passed.
 */
function passedChecks(
  files: readonly TemplateFile[],
  texts: readonly string[],
  helperNames: ReadonlySet<string>,
  partialNames: ReadonlySet<string>,
  labels: LabelTree,
  cacheDir?: string,
): { known: boolean; keep(): void } {
  const key = specKey(JSON.stringify(['checked', files.map((f, i) => [f.path, f.name, texts[i]]), [...helperNames].sort(), [...partialNames].sort(), labels]));
  const slot = cacheDir === undefined ? undefined : join(cacheDir, 'templates', `${sha256(JSON.stringify(['checked', files.map((f) => f.path)]))}.json`);
  const known = checked.has(key) || (slot !== undefined && readCacheEntry(slot, key) !== undefined);
  return {
    known,
    keep() {
      if (checked.size >= 16) checked.clear();
      checked.add(key);
      if (!known && slot !== undefined) keepInCache(slot, JSON.stringify({ key }));
    },
  };
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
/** Compiled templates of this process, by key. */
const specs = new Map<string, TemplateSpecification[]>();
/** A hash of `text` and of the compiling code: Handlebars' version and this folder's files. */
const specKey = (text: string) => sha256(`${codeIdentity(['handlebars'], [new URL('./', import.meta.url)])}\n${text}`);

/** The sources kept in `slot` under `key`, or undefined. */
function keptSpecs(slot: string, key: string, count: number): string[] | undefined {
  // None yet, or not readable: compiled, and kept anew.
  const sources = readCacheEntry(slot, key)?.sources;
  return Array.isArray(sources) && sources.length === count && sources.every((s) => typeof s === 'string') ? sources : undefined;
}

export interface CompiledTemplate {
  /** Renders the main template to Markdown, with the template file and line each line of it came from. */
  render(context: object): Unmarked;
  main: TemplateFile;
}

/**
 * Loads, checks and compiles a template from its folders (highest priority first). Its fields are checked against
 * the dataset's schemas when a file of it is the user's (`check` "user", the default); the built-in template's
 * are checked by the tests (`check` "always"), and a build does not pay for a second compilation and run.
 */
export function compileTemplate(dirs: readonly string[], mainName: string, locale: Locale, check: 'user' | 'always' = 'user', cacheDir?: string): CompiledTemplate {
  const env = Handlebars.create();
  const helpers = createHelpers(env.SafeString, locale);
  env.registerHelper(helpers);
  env.registerHelper(ESCAPE, (value: unknown) => {
    if (value instanceof env.SafeString) return value.toString();
    if (value === null || value === undefined) return '';
    return escapeMarkdown(textOf(value));
  });
  const main = findTemplateFile(dirs, mainName);
  if (!main) throw new ReviewError([error('template/missing', messages.missingMain(mainName), { file: displayPath(dirs[dirs.length - 1] ?? '.') })]);
  const partialFiles = listTemplateFiles(dirs, 'partials', PARTIAL_SUFFIX);
  const partialNames = new Set(partialFiles.map((p) => partialName(p.name)));
  const helperNames = new Set([...Object.keys(helpers), ...BUILTIN_HELPERS]);

  const diagnostics: Diagnostic[] = [];
  const files = [main, ...partialFiles];
  const texts = files.map((file) => readInputText(file.path, (detail) => error('template/syntax', messages.syntax(detail), { file: displayPath(file.path) })));
  const passed = texts.every((text) => typeof text === 'string') ? passedChecks(files, texts, helperNames, partialNames, locale.labels, cacheDir) : undefined;
  const parsed: { file: TemplateFile; text: string; ast?: hbs.AST.Program; included: TemplateChecker['included'] }[] = passed?.known
    ? files.map((file, i) => ({ file, text: texts[i] as string, included: [] }))
    : files.flatMap((file, i) => {
        const text = texts[i]!;
        const ast = typeof text === 'string' ? parse(file, text) : text;
        if (!('type' in ast && ast.type === 'Program')) {
          diagnostics.push(ast as Diagnostic);
          return [];
        }
        const checker = new TemplateChecker(file.path, helperNames, partialNames, locale.labels);
        checker.accept(ast);
        diagnostics.push(...checker.problems);
        return [{ file, ast, text: text as string, included: checker.included }];
      });
  if (!passed?.known) checkPartialCycles(parsed, diagnostics);
  if (diagnostics.length) throw new ReviewError(diagnostics);
  passed?.keep();
  /** The main template with its partials, loaded into `target` from their compiled code (`compiledSpecs`). */
  const compileInto = (target: typeof Handlebars, strict: boolean): Handlebars.TemplateDelegate => {
    const specs = compiledSpecs(
      parsed.map(({ file, text }) => ({ path: file.path, text })),
      Object.keys(helpers),
      strict,
      cacheDir,
    );
    const [mainTemplate, ...partials] = parsed.map(({ file }, index) => {
      const template = target.template(specs[index]!);
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
  const builtIn = parsed.every((p) => !relative(builtinTemplateDir, p.file.path).startsWith('..'));
  const checker = Handlebars.create();
  checker.registerHelper(helpers);
  const checkFields = builtIn && check === 'user' ? undefined : compileInto(checker, true);
  const runtimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return {
    main,
    render(context) {
      let rendered: string;
      try {
        checkFields?.(context, runtimeOptions);
      } catch (e) {
        const missing = e instanceof Error && /^"([^"]+)" not defined in /.exec(e.message);
        // A field the dataset's schemas declare is optional and may be absent; only a name no schema knows is a mistake.
        if (missing && !declaredFieldNames().has(missing[1]!)) {
          const err = e as Error & { lineNumber?: number; column?: number };
          const path = errorFile.get(e) ?? main.path;
          const file = displayPath(path);
          const entry = parsed.find((p) => p.file.path === path);
          const reparsed = entry && (entry.ast ?? parse(entry.file, entry.text));
          const ast = reparsed && 'type' in reparsed && reparsed.type === 'Program' ? reparsed : undefined;
          const shown = (err.lineNumber !== undefined && ast && pathAt(ast, err.lineNumber, err.column ?? 0)) || missing[1]!;
          throw new ReviewError([
            error('template/unknown-field', messages.unknownField(shown), { file, ...(err.lineNumber !== undefined ? { line: err.lineNumber, column: (err.column ?? 0) + 1 } : {}) }),
          ]);
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
      const markdown = unmark(
        rendered,
        parsed.map((p) => displayPath(p.file.path)),
        { file: displayPath(main.path), line: 1 },
      );
      // A blank review would replace a good one with an empty page.
      if (markdown.text.trim() === '') throw new ReviewError([error('template/empty', messages.empty(), { file: displayPath(main.path) })]);
      return markdown;
    },
  };
}
