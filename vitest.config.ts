import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // beforeAll hooks run whole CLI analyses; on a loaded machine 10 s (the default) is not enough
    hookTimeout: 120_000,
  },
});
