// `build --watch` on a dataset kept in git: git's own checkouts (of a file, of a branch) are seen like an editor's
// saves, and git's work inside .git (a commit) rebuilds nothing.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatching, type Watching } from '../watching.js';

let w: Watching;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: w.data, encoding: 'utf8' });
/** Waits for `n` more rebuilds, then for a quiet spell, and says how many came. */
async function rebuiltAfter(before: number, n: number, what: string): Promise<number> {
  await w.eventually(() => w.rebuilds() >= before + n, what);
  await new Promise((r) => setTimeout(r, 1500));
  return w.rebuilds() - before;
}

beforeAll(async () => {
  w = await startWatching();
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'The dataset');
});

afterAll(() => w?.stop());

describe('annual-review build --watch on a dataset in git', () => {
  it("rebuilds nothing for git's work inside .git", async () => {
    // A rebuild prints "changed: …" as it starts.
    const changes = () => w.stdout().match(/^changed: /gm)?.length ?? 0;
    await new Promise((r) => setTimeout(r, 1500));
    const before = changes();
    git('commit', '-q', '--allow-empty', '-m', 'Nothing changed');
    git('gc', '-q');
    await new Promise((r) => setTimeout(r, 1000));
    expect(changes()).toBe(before);
  });

  it('sees `git checkout -- FILE` undo a change', async () => {
    const original = await w.coverText();
    let before = w.rebuilds();
    w.editIn(w.data, 'review.yaml', (t) => t.replace(/^title: .*$/m, 'title: Changed Before A Checkout'));
    await rebuiltAfter(before, 1, 'the rebuild after the change');
    expect(await w.coverText()).toContain('Changed Before A Checkout');
    before = w.rebuilds();
    git('checkout', '--', 'review.yaml');
    expect(await rebuiltAfter(before, 1, 'the rebuild after git checkout')).toBe(1);
    expect(await w.coverText()).toBe(original);
  });

  it('sees a checkout of another branch, and of the first again', async () => {
    git('checkout', '-q', '-b', 'retitled');
    w.editIn(w.data, 'review.yaml', (t) => t.replace(/^title: .*$/m, 'title: The Title Of Another Branch'));
    git('commit', '-qam', 'Retitled');
    await rebuiltAfter(w.rebuilds(), 1, 'the rebuild after the commit on the branch');
    let before = w.rebuilds();
    git('checkout', '-q', 'main');
    await rebuiltAfter(before, 1, 'the rebuild after checking out main');
    expect(await w.coverText()).not.toContain('The Title Of Another Branch');
    before = w.rebuilds();
    git('checkout', '-q', 'retitled');
    await rebuiltAfter(before, 1, 'the rebuild after checking out the branch');
    expect(await w.coverText()).toContain('The Title Of Another Branch');
  });
});
