import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser tests start Chromium: keep them from competing with each other on two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
