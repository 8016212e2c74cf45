// The preview in a real browser: Debian's Chromium driven by playwright-core (tests/browser/). Run by .ci/run, not by
// `npm test`, which needs nothing but Node and the npm packages.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
