import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Checks against the real source articles, which live outside the repository, and the preview in a real browser:
    // .ci/run runs them (vitest.seeds.config.ts, vitest.system.config.ts).
    exclude: ['tests/seeds/**', 'tests/system/**', 'node_modules/**'],
    // Test files share one process per worker and its module cache: fonts are parsed, vega and pdfkit imported, and
    // the default review built once (tests/support.ts defaultBuild) instead of once per file. Tests therefore leave no
    // global state behind: spies and stubbed globals are restored after each test.
    isolate: false,
    // Processes, not threads: the in-process CLI tests change the working folder (tests/support.ts runCli).
    pool: 'forks',
    // One worker per core (vitest's default leaves one idle): on two cores the suite takes about 75 s instead of 90.
    maxWorkers: '100%',
    restoreMocks: true,
    unstubGlobals: true,
    globalSetup: ['tests/global-setup.ts'],
    // The CLI keeps drawn charts in a cache folder: the tests' is inside the repository, never the user's.
    env: { ANNUAL_REVIEW_CACHE_DIR: fileURLToPath(new URL('./node_modules/.cache/annual-review', import.meta.url)) },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
