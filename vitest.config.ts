import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'tools/**/*.test.ts'],
    // e2e tests spawn the built CLI; a 2-core machine needs headroom.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
