import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // At the end of a run, what was skipped for want of a tool (a browser, LibreOffice...) and how to get it.
    globalSetup: ['test/helpers/skipped.ts'],
    // In CI the JSON report gives .ci/run the counts for its closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/test-results.json' }]] : ['default'],
  },
});
