import { defineConfig } from 'vitest/config';

/** The smoke suite of the packed, installed artifact (`.ci/smoke-artifact` packs and installs it first). */
export default defineConfig({
  test: {
    include: ['test/**/*.smoke.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
