// Reads a text file the user gives (dataset, template, theme, locale, chart spec): within the size limit, and only
// when it is valid UTF-8, so that a mis-encoded file is an error naming its line rather than text full of U+FFFD.
import { readFileSync, statSync } from 'node:fs';
import { displayPath } from './paths.js';
import { error, ReviewError, type Diagnostic } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Where the first byte sequence that is not UTF-8 stands: line and column (in characters), 1-based. */
function firstInvalid(bytes: Uint8Array): { line: number; column: number } {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end < 0 ? bytes.length : end);
    try {
      strict.decode(slice);
    } catch {
      return { line, column: lenient.decode(slice).indexOf('\uFFFD') + 1 };
    }
    if (end < 0) return { line, column: 1 };
    start = end + 1;
    line++;
  }
}

export const inputMessages = {
  tooLarge: (bytes: number, limit: number) => `the file has ${bytes} bytes, more than the limit of ${limit}`,
  tooLargeHint: () => 'raise it with --limit fileBytes=N if the file is meant to be this large',
  encoding: () => 'the file is not valid UTF-8',
  encodingHint: () => 'save it as UTF-8',
};

/** The file's text, or a located diagnostic; `unreadable` builds the diagnostic for a file that cannot be read. */
export function readInputText(path: string, unreadable: (detail: string) => Diagnostic, limits: Limits = DEFAULT_LIMITS): string | Diagnostic {
  const file = displayPath(path);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > limits.fileBytes) return error('input/too-large', inputMessages.tooLarge(size, limits.fileBytes), { file }, inputMessages.tooLargeHint());
    bytes = readFileSync(path);
  } catch (e) {
    return unreadable((e as Error).message);
  }
  try {
    return strict.decode(bytes);
  } catch {
    return error('input/encoding', inputMessages.encoding(), { file, ...firstInvalid(bytes) }, inputMessages.encodingHint());
  }
}

/** readInputText for callers that stop at the first problem: throws a ReviewError instead of returning it. */
export function readInputTextOrThrow(path: string, unreadable: (detail: string) => Diagnostic, limits?: Limits): string {
  const text = readInputText(path, unreadable, limits);
  if (typeof text !== 'string') throw new ReviewError([text]);
  return text;
}
