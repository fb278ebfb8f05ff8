import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's Chromium against the built site (served by
// `vite preview`). One file at a time: the machine has two cores and Chromium wants both.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
});
