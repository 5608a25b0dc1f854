import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks run whole CLI analyses (pancan on the demo data) that the tests then read.
    hookTimeout: 120_000,
  },
});
