import { defineConfig } from 'vitest/config';

// Unit tests for pure code: Node only, no SvelteKit plugin. Browser behaviour is tested
// separately in tests/browser with playwright-core and a real Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000
  }
});
