// `annual-review new DIR`: starts the dataset of a new review from the package's skeleton, which validates, verifies
// and builds as it is; never overwrites a file unless told to.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../../input/paths.js';
import { skeletonFiles } from '../../dataset/index.js';
import { error, ReviewError } from '../../errors.js';
import { messages } from '../../template/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { shellWord, UsageError, type Command } from '../command.js';

export const newDataset: Command = {
  options: { year: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, positionals) {
    const [target, ...extra] = positionals;
    if (!target || extra.length) throw new UsageError('give the one folder to create: annual-review new DIR [--year YYYY]');
    // A new review is most often of the year just ended.
    const year = values.year === undefined ? new Date().getUTCFullYear() - 1 : Number(values.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2998) throw new UsageError(`--year wants a year such as 2025, not "${String(values.year)}"`);
    const dir = resolve(target);
    const files = skeletonFiles(dir, year);
    if (!values.force) {
      const existing = files.filter((f) => existsSync(join(dir, f.name)));
      if (existing.length) throw new ReviewError(existing.map((f) => error('new/exists', messages.fileExists(), { file: displayPath(join(dir, f.name)) })));
    }
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.name)), { recursive: true });
      writeFileAtomic(join(dir, f.name), f.content);
      process.stdout.write(`wrote ${displayPath(join(dir, f.name))}\n`);
    }
    const shown = shellWord(displayPath(dir));
    process.stdout.write(
      `\nNext: put your sources' texts in ${displayPath(dir)}/sources/, describe them and their figures in the YAML files, then\n` +
        `  annual-review validate --data ${shown}\n  annual-review verify --data ${shown} --sources ${shellWord(`${displayPath(dir)}/sources`)}\n  annual-review build --data ${shown}\n`,
    );
    return 0;
  },
};
