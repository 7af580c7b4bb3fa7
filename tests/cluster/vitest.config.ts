import { defineConfig } from 'vitest/config';

// Several server processes per file, PostgreSQL and Redis: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    name: 'cluster',
    root: '.',
    include: ['tests/cluster/**/*.cluster.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    passWithNoTests: true,
  },
});
