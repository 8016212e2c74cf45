// The checks that need the real source articles beside the repository (../shared/seeds): run by .ci/run, not by
// `npm test`, which needs nothing outside the repository.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/seeds/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
