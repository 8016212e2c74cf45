// `annual-review init DIR [PARTIAL…]`: starts a template of one's own, as an override folder or a full copy, and
// never overwrites a file unless told to.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../../input/paths.js';
import { error, ReviewError } from '../../errors.js';
import { messages, scaffoldFiles } from '../../template/index.js';
import { writeFileAtomic } from '../../output/index.js';
import { optionList, shellWord, UsageError, type Command } from '../command.js';

export const init: Command = {
  options: {
    partial: { type: 'string', multiple: true },
    full: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run(values, positionals) {
    const [target, ...named] = positionals;
    if (!target) throw new UsageError('give the folder to create: annual-review init DIR [PARTIAL…]');
    const partials = [...named, ...optionList(values.partial)];
    if (values.full && partials.length) throw new UsageError('--full copies every partial already: name none with it');
    const dir = resolve(target);
    const files = scaffoldFiles({ full: Boolean(values.full), partials });
    // When partials are named, an existing theme.yaml or README is the user's: keep it and write only the partials.
    const wanted = files.filter((f) => !(f.frame && partials.length && existsSync(join(dir, f.name))));
    if (!values.force) {
      const existing = wanted.filter((f) => existsSync(join(dir, f.name)));
      if (existing.length) throw new ReviewError(existing.map((f) => error('init/exists', messages.fileExists(), { file: displayPath(join(dir, f.name)) })));
    }
    mkdirSync(join(dir, 'partials'), { recursive: true });
    for (const f of wanted) {
      writeFileAtomic(join(dir, f.name), f.content);
      process.stdout.write(`wrote ${displayPath(join(dir, f.name))}\n`);
    }
    process.stdout.write(`\nNext: edit the files, then build with\n  annual-review build --template ${shellWord(displayPath(dir))}\n`);
    return 0;
  },
};
