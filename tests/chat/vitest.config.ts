import { defineConfig } from 'vitest/config';

// The chat bridge's tests: unit tests next to the code and the integration tests against the fake YouTube
// API in tests/chat. `npx vitest run -c tests/chat/vitest.config.ts`. (The root config picks up the unit
// tests; the integrator adds 'tests/chat/**/*.test.ts' to its node project's include.)
export default defineConfig({
  test: {
    name: 'chat',
    root: '.',
    include: ['tests/chat/**/*.test.ts', 'server/chat/**/*.test.ts', 'shared/chat/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
