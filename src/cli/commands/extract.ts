// `annual-review extract`: claim stubs (YAML to review by hand) for every number an article states.
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../../input/paths.js';
import { error, ReviewError } from '../../errors.js';
import { extractClaims, stubsToYaml } from '../../extract/index.js';
import { readInputTextOrThrow } from '../../input/read.js';
import { UsageError, type Command } from '../command.js';

/** The file's first bytes as Latin-1 ('' when it cannot be read: reading it properly then says why). */
function readHead(path: string): string {
  try {
    const fd = openSync(path, 'r');
    try {
      const bytes = Buffer.alloc(1024);
      return bytes.toString('latin1', 0, readSync(fd, bytes, 0, bytes.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

export const extract: Command = {
  options: { source: { type: 'string' } },
  async run(values, positionals) {
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('give exactly one article text file: annual-review extract ARTICLE.txt --source ID');
    if (!values.source) throw new UsageError('--source ID is required: the id the stubs will cite');
    const path = resolve(file);
    const shown = displayPath(path);
    // A PDF or word-processor file would give stubs for the numbers of its internals: refuse what is not text.
    const head = readHead(path);
    if (head.startsWith('%PDF-') || head.includes('\u0000')) {
      throw new ReviewError([
        error(
          'extract/not-text',
          `"${shown}" is ${head.startsWith('%PDF-') ? 'a PDF file' : 'not a text file'}; extract reads plain text`,
          { file: shown },
          'save the article as plain text (UTF-8) first, e.g. with pdftotext',
        ),
      ]);
    }
    const text = readInputTextOrThrow(path, (detail) => error('extract/unreadable', `cannot read the article: ${detail}`, { file: shown }));
    process.stdout.write(stubsToYaml(extractClaims(text, String(values.source))));
    return 0;
  },
};
