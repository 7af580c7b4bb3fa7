/**
 * `npm run test:fuzz`: the attack suites at full size (FUZZ_CASES, default 10,000 wire cases; CRASH_WRITES
 * for the crash suite; the flooding suite tests/fuzz/flood.test.ts), one file at a time so the counts are not fighting each other for the two cores.
 */
import { defineConfig } from 'vitest/config';

const repoRoot = new URL('../..', import.meta.url).pathname;

export default defineConfig({
  root: repoRoot,
  test: {
    name: 'fuzz',
    environment: 'node',
    include: ['tests/fuzz/**/*.test.ts', 'tests/integration/crash-all.test.ts'],
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    env: { FUZZ_CASES: process.env.FUZZ_CASES ?? '10000', CRASH_WRITES: process.env.CRASH_WRITES ?? '5000' },
  },
});
