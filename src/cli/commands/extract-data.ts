// `annual-review extract-data REVIEW.pdf`: writes the data files a review carries inside (the dataset, the
// discrepancies, the charts' data) into a folder, so that a PDF found in an archive can be checked or rebuilt.
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { displayPath } from '../../input/paths.js';
import { error, ReviewError } from '../../errors.js';
import { readAttachments, messages } from '../../pdf/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { UsageError, type Command } from '../command.js';

export const extractData: Command = {
  options: { out: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('give one PDF: annual-review extract-data REVIEW.pdf [--out DIR]');
    const pdfPath = resolve(positionals[0]!);
    let bytes: Buffer;
    try {
      bytes = readFileSync(pdfPath);
    } catch (e) {
      throw new ReviewError([error('pdf/unreadable', messages.unreadable((e as NodeJS.ErrnoException).code ?? (e as Error).message), { file: displayPath(pdfPath) })]);
    }
    const files = await readAttachments(bytes, displayPath(pdfPath));
    const out = resolve(values.out ? String(values.out) : join(dirname(pdfPath), `${basename(pdfPath, extname(pdfPath))}-data`));
    for (const f of files) writeFileAtomic(join(out, f.name), f.bytes);
    process.stdout.write(`wrote ${files.map((f) => f.name).join(', ')} to ${displayPath(out)}\n`);
    return 0;
  },
};
