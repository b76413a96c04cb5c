import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/renderer and dist/main once for the whole run (tests only read them).
    globalSetup: ['tests/support/global-setup.ts'],
    // A temporary folder per test file, removed when the file ends (see the file's comment).
    setupFiles: ['tests/support/temp-root.ts'],
    // Browser and LibreOffice tests start real processes: give them room, and keep two workers
    // because these machines have two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default'],
  },
});
