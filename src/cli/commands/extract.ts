// `annual-review extract`: claim stubs (YAML to review by hand) for every number an article states.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../../dataset/load.js';
import { error, ReviewError } from '../../errors.js';
import { extractClaims, stubsToYaml } from '../../extract/index.js';
import { UsageError, type Command } from '../command.js';

export const extract: Command = {
  options: { source: { type: 'string' } },
  async run(values, positionals) {
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('give exactly one article text file: annual-review extract ARTICLE.txt --source ID');
    if (!values.source) throw new UsageError('--source ID is required: the id the stubs will cite');
    let text: string;
    try {
      text = readFileSync(resolve(file), 'utf8');
    } catch (e) {
      throw new ReviewError([error('extract/unreadable', `cannot read the article: ${(e as Error).message}`, { file: displayPath(resolve(file)) })]);
    }
    process.stdout.write(stubsToYaml(extractClaims(text, String(values.source))));
    return 0;
  },
};
