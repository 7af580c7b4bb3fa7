import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const repoRoot = import.meta.dirname;
const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The features' attendee panels load on demand (client/features.ts stays free of components), but
          // phones get the attendee page in as few files as before: one chunk with the kernel sheet, the
          // people shell and the panels with all they need, preloaded with the entry (sheets in the old order).
          // Features whose attendee panel sits behind a gate (client/kernel/LazyWhen: polls, breakout rounds)
          // put only the gate (`*Gate.ts`) in it: the rest loads when there is something to show
          // (tests/budget/attendee-js.test.ts keeps the first load small).
          // Each language's catalogues (the kernel's and every feature's) are one chunk, loaded when a page
          // shows that language (client/i18n/index.ts): before the attendee group, which would take people's.
          groups: [
            { name: 'i18n-de', test: /[\\/]client[\\/](?:[^\\/]+[\\/])?i18n[\\/]de\.json$/, priority: 2 },
            { name: 'i18n-en', test: /[\\/]client[\\/](?:[^\\/]+[\\/])?i18n[\\/]en\.json$/, priority: 2 },
            { name: 'attendee', test: /[\\/]client[\\/](styles[\\/]|people[\\/]|qa[\\/]attendee[\\/]|[^\\/]+[\\/]attendee[\\/][^\\/]*Gate\.)/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite` for UI work proxies the API and the socket to a server started with `npm run dev`.
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/socket.io': { target: `ws://localhost:${serverPort}`, ws: true },
      '/healthz': `http://localhost:${serverPort}`,
    },
  },
  test: {
    projects: [
      {
        root: repoRoot,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/budget/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'tests/chat/**/*.test.ts', 'bench/polls/**/*.test.ts', 'bench/load/**/*.test.ts'],
          // Full size only (`npm run test:fuzz`): its smaller version is tests/integration/flood.test.ts.
          exclude: ['tests/fuzz/flood.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        root: repoRoot,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['client/**/*.test.{ts,tsx}'],
          setupFiles: ['client/test-setup.ts'],
        },
      },
    ],
  },
});
