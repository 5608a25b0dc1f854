import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests run the CLI on real data; on a shared 2-core machine under load one such run
    // took over a minute. Speed is measured in bench/, not here.
    testTimeout: 180_000,
    // Hooks run whole CLI analyses (pancan on the demo data) that the tests then read.
    hookTimeout: 300_000,
  },
});
