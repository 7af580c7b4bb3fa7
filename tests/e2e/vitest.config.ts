import { defineConfig } from 'vitest/config';

// Browser flows are slow and share one built client and one Chromium; run them one file at a time.
export default defineConfig({
  test: {
    name: 'e2e',
    root: '.',
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
