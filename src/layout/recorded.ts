// Drawings recorded once and played back: what svg-to-pdfkit does to the document while it draws an SVG, kept as a
// list of operations, so that the same SVG drawn in the same place later goes straight to pdfkit instead of through
// svg-to-pdfkit's parsing, styles and geometry again (for a chart, most of the time its drawing takes).
//
// Recording hands svg-to-pdfkit a view of the document that passes every call on and notes it. The recording keeps
// no name or number that depends on what the document held before: a font's resource name (F1, F2…), a glyph's number
// in the font's subset, a group's or a mask's name are made again by the playback, as svg-to-pdfkit made them, from the
// document it plays into. The calls to pdfkit's own drawing methods are played as calls, so pdfkit makes its own
// resources (opacity states) as it did. What svg-to-pdfkit does to the document outside pdfkit's methods (a text's
// font and glyphs, a group drawn as a form and used as a soft mask: its clip paths and opacities) is played by the
// functions below, which do as its own do (svg-to-pdfkit 0.1.8). Anything else it touches leaves the drawing
// unrecorded: drawn again each time, as before.
//
// The one thing svg-to-pdfkit reads from the document that earlier text can change is the characters a glyph of the
// subset stands for (pdfkit notes them when the glyph is first encoded): it counts them to step through a text's
// positions. The recording notes the counts it read; before playing, they are worked out for the document at hand,
// and a drawing whose counts differ is drawn by svg-to-pdfkit instead. Everything else it reads (the page's size, the
// transformation in force, the fonts' files) is part of the recording's key (svg.ts).

/** The operations of a recording, each an array whose first item says which. */
const CALL = 0; // [CALL, method, args]: a pdfkit drawing method called with these arguments.
const CONTENT = 1; // [CONTENT, text]: written to the content stream as it is.
const TEXT = 2; // [TEXT, font, size]: a text begun in the font registered under that name (BT, Tf).
const ENCODE = 3; // [ENCODE, font, text, counts]: the text encoded in the font; counts: characters per glyph read.
const GLYPH = 4; // [GLYPH, glyph id]: the glyph shown in the text's font (Tj), by its id in the font file.
const BEGIN_GROUP = 5; // [BEGIN_GROUP, bbox]: a form begun, drawn into until END_GROUP.
const END_GROUP = 6; // [END_GROUP]
const DRAW_GROUP = 7; // [DRAW_GROUP, group]: the group (by its order in the recording) drawn where it stands.
const MASK = 8; // [MASK, group, clip]: the group applied as a soft mask (clip: 1 for a clip path, 0 for a mask).
const RESTORE_FILL = 9; // [RESTORE_FILL]: the fill colour set back to what it was before the drawing.

type Op = readonly unknown[];

/** A drawing as a list of operations; see `record`. */
export interface Recording {
  ops: Op[];
}

/** pdfkit's drawing methods svg-to-pdfkit calls, whose arguments are numbers, strings and arrays of them. */
const METHODS = new Set([
  'save',
  'restore',
  'transform',
  'translate',
  'scale',
  'rotate',
  'rect',
  'roundedRect',
  'circle',
  'ellipse',
  'polygon',
  'path',
  'moveTo',
  'lineTo',
  'bezierCurveTo',
  'quadraticCurveTo',
  'closePath',
  'fill',
  'stroke',
  'fillAndStroke',
  'clip',
  'fillColor',
  'strokeColor',
  'fillOpacity',
  'strokeOpacity',
  'opacity',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'miterLimit',
  'dash',
  'undash',
  'font',
]);

/** The document's properties svg-to-pdfkit reads and that the recording accounts for. */
const READ = new Set(['page', '_ctm', '_registeredFonts', '_groupCount', '_maskCount', '_fillColor']);

/** The parts of pdfkit's embedded font used here. */
interface Font {
  id: string;
  subset: { glyphs: number[]; mapping: Record<number, number> };
  unicode: (number[] | undefined)[];
  encode(text: string, features?: unknown): [string[], unknown[]];
  layout(text: string): { glyphs: { id: number; codePoints: number[] }[] };
  ref(): unknown;
}

interface Ref {
  data: Record<string, unknown>;
  write(data: string): void;
  end(): void;
}

interface Page {
  width: number;
  height: number;
  fonts: Record<string, unknown>;
  xobjects: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
  patterns: Record<string, unknown>;
}

/** The parts of pdfkit's document used here. */
interface Doc {
  page: Page;
  _ctm: number[];
  _font?: unknown;
  _fontFamilies: Record<string, Font | undefined>;
  _groupCount?: number;
  _maskCount?: number;
  _fillColor: unknown;
  ref(data?: Record<string, unknown>): Ref;
  addContent(data: string): Doc;
}

class Unrecordable extends Error {}

/** True for an embedded font (a standard font has no subset). */
const isEmbedded = (font: unknown): font is Font => typeof font === 'object' && font !== null && 'subset' in font && 'unicode' in font;

/** An argument copied as JSON holds it, with -0 and undefined marked (JSON has neither); anything else is not played back. */
function plain(value: unknown): unknown {
  if (value === undefined) return { $: 'u' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Unrecordable('a number that is not finite');
    return Object.is(value, -0) ? { $: '-0' } : value;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(plain);
  if (Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  throw new Unrecordable('an argument that is an object');
}

/** An argument as `plain` copied it, restored. */
function restored(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restored);
  if (value !== null && typeof value === 'object') {
    const marked = (value as { $?: unknown }).$;
    if (marked === 'u') return undefined;
    if (marked === '-0') return -0;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restored(v)]));
  }
  return value;
}

const hex = (id: number) => `0000${id.toString(16)}`.slice(-4);

/**
 * Runs `draw` (svg-to-pdfkit drawing into the document it is given) on a recording view of `doc`, and returns the
 * recording, or undefined when the drawing did something a recording cannot play back. Either way it is drawn.
 */
export function record(document: PDFKit.PDFDocument, draw: (doc: PDFKit.PDFDocument) => void): Recording | undefined {
  const doc = document as unknown as Doc;
  const ops: Op[] = [];
  let whyNot: string | undefined;
  const refuse = (why: string) => {
    whyNot ??= why;
  };
  const note = (op: Op) => {
    if (whyNot === undefined) ops.push(op);
  };
  /** Notes an operation ending with `value` as `plain` copies it; refuses the drawing when it cannot be copied. */
  const notePlain = (op: Op, value: unknown) => {
    try {
      note([...op, plain(value)]);
    } catch (e) {
      if (!(e instanceof Unrecordable)) throw e;
      refuse(e.message);
    }
  };
  /** Each font svg-to-pdfkit set, by its resource name: the name it is registered under, and the font. */
  const fonts = new Map<string, { name: string; font: Font }>();
  let textFont: Font | undefined;
  /** Groups made so far, in order, and those open. */
  const groups: { name: string; xobj: unknown; saved: unknown }[] = [];
  const open: number[] = [];
  /** What svg-to-pdfkit is in the middle of: a group's refs and page, a mask's ref, then its content. */
  let helper: { kind: 'group'; name: string; refs: Ref[]; bbox?: unknown } | { kind: 'mask'; wrote?: string } | { kind: 'text' } | undefined;
  const fillColor = doc._fillColor;

  const content = (data: string) => {
    if (helper?.kind === 'text') {
      const tf = /^\/(\S+) (\S+) Tf$/.exec(data);
      const font = tf && fonts.get(tf[1]!);
      helper = undefined;
      if (font) {
        textFont = font.font;
        note([TEXT, font.name, tf[2]]);
      } else refuse('a text in a font it did not set');
      return;
    }
    if (helper?.kind === 'mask') {
      if (data !== helper.wrote) refuse('a mask without its state');
      helper = undefined;
      return;
    }
    if (helper) {
      refuse('content inside a group being made');
      return;
    }
    if (data === 'BT') {
      helper = { kind: 'text' };
      return;
    }
    const tj = /^<([0-9a-f]{4})> Tj$/.exec(data);
    const xobject = /^\/(G\d+) Do$/.exec(data);
    if (tj) {
      const glyph = textFont?.subset.glyphs[parseInt(tj[1]!, 16)];
      if (glyph === undefined) refuse('a glyph outside the text font');
      else note([GLYPH, glyph]);
    } else if (xobject) {
      const group = groups.findIndex((g) => g.name === xobject[1]);
      if (group < 0) refuse('a form it did not make');
      else note([DRAW_GROUP, group]);
    } else note([CONTENT, data]);
  };

  const fontView = (font: unknown): unknown => {
    if (!isEmbedded(font)) {
      refuse('a font that is not embedded');
      return font;
    }
    const name = fonts.get(font.id)?.name;
    if (name === undefined) refuse('a font it did not set');
    return new Proxy(font, {
      get(target, key, receiver) {
        if (key !== 'encode') return Reflect.get(target, key, receiver) as unknown;
        return (text: string, features?: unknown) => {
          if (features !== undefined) refuse('a text encoded with features');
          const encoded = target.encode(text);
          note([ENCODE, name, text, encoded[0].map((h) => target.unicode[parseInt(h, 16)]?.length ?? -1)]);
          return encoded;
        };
      },
    });
  };

  const view: Doc = new Proxy(doc, {
    get(target, key) {
      if (typeof key !== 'string') return Reflect.get(target, key) as unknown;
      if (key === 'addContent')
        return (data: string) => {
          content(data);
          target.addContent(data);
          return view;
        };
      if (key === 'ref')
        return (data?: Record<string, unknown>) => {
          const ref = target.ref(data);
          if (helper?.kind === 'group' && helper.refs.length < 2) {
            helper.refs.push(ref);
            if (helper.refs.length === 2) helper.bbox = data?.BBox;
          } else if (helper?.kind === 'mask' && helper.wrote === undefined) {
            const soft = data?.SMask as { G?: unknown; BC?: unknown[] } | undefined;
            const group = groups.findIndex((g) => g.xobj === soft?.G);
            if (group < 0) refuse('a mask of a form it did not make');
            const name = `M${target._maskCount}`;
            helper.wrote = `/${name} gs`;
            note([MASK, group, soft?.BC?.[0] === 0 ? 1 : 0]);
          } else refuse('an object of its own');
          return ref;
        };
      if (key === '_font') return fontView(target._font);
      const value = Reflect.get(target, key) as unknown;
      if (READ.has(key)) return value;
      if (typeof value !== 'function') {
        refuse(`the document's ${key}`);
        return value;
      }
      if (!METHODS.has(key)) refuse(`pdfkit's ${key}`);
      return (...args: unknown[]) => {
        if (METHODS.has(key)) notePlain([CALL, key], args);
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        const font = target._font;
        if (key === 'font' && typeof args[0] === 'string' && isEmbedded(font)) fonts.set(font.id, { name: args[0], font });
        return result === target ? view : result;
      };
    },
    set(target, key, value) {
      if (key === '_groupCount') {
        if (helper) refuse('a group inside a helper');
        helper = { kind: 'group', name: `G${value}`, refs: [] };
      } else if (key === '_maskCount') {
        if (helper) refuse('a mask inside a helper');
        helper = { kind: 'mask' };
      } else if (key === '_ctm') {
        if (helper?.kind !== 'group' && !open.length) refuse('a transformation set directly');
      } else if (key === 'page') {
        if (helper?.kind === 'group' && helper.refs.length === 2) {
          notePlain([BEGIN_GROUP], helper.bbox);
          groups.push({ name: helper.name, xobj: helper.refs[1], saved: target.page });
          open.push(groups.length - 1);
          helper = undefined;
        } else if (open.length && value === groups[open.at(-1)!]!.saved) {
          open.pop();
          note([END_GROUP]);
        } else refuse('a page set directly');
      } else if (key === '_fillColor') {
        if (value === fillColor) note([RESTORE_FILL]);
        else refuse('a fill colour set directly');
      } else refuse(`the document's ${String(key)} set`);
      return Reflect.set(target, key, value);
    },
  });

  draw(view as unknown as PDFKit.PDFDocument);
  if (helper || open.length) refuse('an unfinished group or text');
  // The operations hold JSON's values alone (arguments as `plain` copies them), none shared with svg-to-pdfkit: a
  // recording played from memory is the one a file gives back.
  return whyNot === undefined ? { ops } : undefined;
}

/**
 * True when the recording, played into `doc` as it stands, draws what svg-to-pdfkit would: each font it names is
 * registered, each font it encodes in already set in the document, each glyph it shows encoded first, and every text
 * gives svg-to-pdfkit the counts it read when it was recorded (a glyph already in a font's subset counts the characters
 * noted when it was first encoded, a glyph new to it those of the text that brings it).
 */
function playable(doc: Doc & { _registeredFonts: Record<string, unknown> }, ops: readonly Op[]): boolean {
  const added = new Map<Font, Map<number, number>>();
  let textFont: Font | undefined;
  for (const op of ops) {
    if (op[0] === CALL && op[1] === 'font') {
      const name = (op[2] as unknown[])[0];
      if (typeof name !== 'string' || !(name in doc._registeredFonts || doc._fontFamilies[name])) return false;
    } else if (op[0] === TEXT) {
      const font = doc._fontFamilies[op[1] as string];
      if (!isEmbedded(font)) return false;
      textFont = font;
    } else if (op[0] === GLYPH) {
      const glyph = op[1] as number;
      if (!textFont || (textFont.subset.mapping[glyph] === undefined && !added.get(textFont)?.has(glyph))) return false;
    } else if (op[0] === ENCODE) {
      const font = doc._fontFamilies[op[1] as string];
      if (!isEmbedded(font)) return false;
      const counts = op[3] as number[];
      const { glyphs } = font.layout(op[2] as string);
      if (glyphs.length !== counts.length) return false;
      let own = added.get(font);
      if (!own) added.set(font, (own = new Map<number, number>()));
      for (let i = 0; i < glyphs.length; i++) {
        const glyph = glyphs[i]!;
        const inSubset = font.subset.mapping[glyph.id];
        let count = inSubset === undefined ? own.get(glyph.id) : (font.unicode[inSubset]?.length ?? -1);
        if (count === undefined) own.set(glyph.id, (count = glyph.codePoints.length));
        if (count !== counts[i]) return false;
      }
    }
  }
  return true;
}

/**
 * Plays `recording` into `doc`, as svg-to-pdfkit drew it; false, with nothing done, when the document's fonts would
 * not give the same drawing (a font not set yet, or other characters behind a glyph: see `playable`).
 */
export function play(document: PDFKit.PDFDocument, recording: Recording): boolean {
  const doc = document as unknown as Doc & { _registeredFonts: Record<string, unknown> };
  if (!playable(doc, recording.ops)) return false;
  const fillColor = doc._fillColor;
  let textFont: Font | undefined;
  const groups: { name: string; resources: Ref; xobj: Ref; savedMatrix: number[]; savedPage: Page }[] = [];
  const open: number[] = [];
  const fontNamed = (name: string) => doc._fontFamilies[name]!;
  for (const op of recording.ops) {
    switch (op[0]) {
      case CALL:
        (doc as unknown as Record<string, (...a: unknown[]) => unknown>)[op[1] as string]!(...(restored(op[2]) as unknown[]));
        break;
      case CONTENT:
        doc.addContent(op[1] as string);
        break;
      case TEXT: {
        // svg-to-pdfkit's docBeginText.
        const font = (textFont = fontNamed(op[1] as string));
        if (!doc.page.fonts[font.id]) doc.page.fonts[font.id] = font.ref();
        doc.addContent('BT').addContent(`/${font.id} ${op[2] as string} Tf`);
        break;
      }
      case ENCODE:
        fontNamed(op[1] as string).encode(op[2] as string);
        break;
      case GLYPH:
        doc.addContent(`<${hex(textFont!.subset.mapping[op[1] as number]!)}> Tj`);
        break;
      case BEGIN_GROUP: {
        // svg-to-pdfkit's docBeginGroup.
        const name = `G${(doc._groupCount = (doc._groupCount || 0) + 1)}`;
        const resources = doc.ref();
        const xobj = doc.ref({
          Type: 'XObject',
          Subtype: 'Form',
          FormType: 1,
          BBox: restored(op[1]),
          Group: { S: 'Transparency', CS: 'DeviceRGB', I: true, K: false },
          Resources: resources,
        });
        xobj.write('');
        groups.push({ name, resources, xobj, savedMatrix: doc._ctm, savedPage: doc.page });
        open.push(groups.length - 1);
        doc._ctm = [1, 0, 0, 1, 0, 0];
        doc.page = {
          width: doc.page.width,
          height: doc.page.height,
          write: (data: string) => xobj.write(data),
          fonts: {},
          xobjects: {},
          ext_gstates: {},
          patterns: {},
        } as Page;
        break;
      }
      case END_GROUP: {
        // svg-to-pdfkit's docEndGroup.
        const group = groups[open.pop()!]!;
        if (Object.keys(doc.page.fonts).length) group.resources.data.Font = doc.page.fonts;
        if (Object.keys(doc.page.xobjects).length) group.resources.data.XObject = doc.page.xobjects;
        if (Object.keys(doc.page.ext_gstates).length) group.resources.data.ExtGState = doc.page.ext_gstates;
        if (Object.keys(doc.page.patterns).length) group.resources.data.Pattern = doc.page.patterns;
        group.resources.end();
        group.xobj.end();
        doc._ctm = group.savedMatrix;
        doc.page = group.savedPage;
        break;
      }
      case DRAW_GROUP: {
        // svg-to-pdfkit's docInsertGroup.
        const group = groups[op[1] as number]!;
        doc.page.xobjects[group.name] = group.xobj;
        doc.addContent(`/${group.name} Do`);
        break;
      }
      case MASK: {
        // svg-to-pdfkit's docApplyMask.
        const name = `M${(doc._maskCount = (doc._maskCount || 0) + 1)}`;
        const gstate = doc.ref({
          Type: 'ExtGState',
          CA: 1,
          ca: 1,
          BM: 'Normal',
          SMask: { S: 'Luminosity', G: groups[op[1] as number]!.xobj, BC: op[2] === 1 ? [0, 0, 0] : [1, 1, 1] },
        });
        gstate.end();
        doc.page.ext_gstates[name] = gstate;
        doc.addContent(`/${name} gs`);
        break;
      }
      case RESTORE_FILL:
        doc._fillColor = fillColor;
        break;
      default:
        throw new Error(`unknown operation ${String(op[0])} in a recorded drawing`);
    }
  }
  return true;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** True when each operation has its arguments, and the groups it names are begun before and ended in order. */
function wellFormed(ops: readonly unknown[]): boolean {
  let groups = 0;
  let open = 0;
  for (const op of ops) {
    if (!Array.isArray(op)) return false;
    const a: unknown = op[1];
    const b: unknown = op[2];
    const c: unknown = op[3];
    let ok: boolean;
    switch (op[0]) {
      case CALL:
        ok = typeof a === 'string' && METHODS.has(a) && Array.isArray(b);
        break;
      case CONTENT:
        ok = isString(a);
        break;
      case TEXT:
        ok = isString(a) && isString(b);
        break;
      case ENCODE:
        ok = isString(a) && isString(b) && Array.isArray(c) && c.every(Number.isInteger);
        break;
      case GLYPH:
        ok = isIndex(a);
        break;
      case BEGIN_GROUP:
        ok = Array.isArray(a) && a.every((x) => typeof x === 'number');
        groups++;
        open++;
        break;
      case END_GROUP:
        ok = open-- > 0;
        break;
      case DRAW_GROUP:
        ok = isIndex(a) && a < groups;
        break;
      case MASK:
        ok = isIndex(a) && a < groups && (b === 0 || b === 1);
        break;
      case RESTORE_FILL:
        ok = true;
        break;
      default:
        ok = false;
    }
    if (!ok) return false;
  }
  return open === 0;
}

/** True when `value` is a recording (as a cache file holds one): see `wellFormed`. */
export function isRecording(value: unknown): value is Recording {
  return value !== null && typeof value === 'object' && Array.isArray((value as Recording).ops) && wellFormed((value as Recording).ops);
}
