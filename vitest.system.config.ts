// Tests that need programs beyond Node: the preview in Debian's Chromium (driven by playwright-core), watching a
// dataset through git's own checkouts, and the review's text read back by poppler and PDFBox (tests/system/). Run by
// .ci/run, which installs those programs; not by `npm test`, which needs nothing but Node and the npm packages.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/system/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
