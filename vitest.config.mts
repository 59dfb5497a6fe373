import path from 'node:path';
import { defineConfig } from 'vitest/config';

const shared = {
  include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.tsx'],
  setupFiles: ['./test/setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  maxWorkers: 2,
};

// Every data-layer test runs on embedded PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set (CI).
const engines = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'test/empty.ts'),
    },
  },
  test: {
    projects: engines.map((engine) => ({
      extends: true,
      test: { ...shared, name: engine, env: { TEST_ENGINE: engine } },
    })),
  },
});
