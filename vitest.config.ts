import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // End-to-end suites clean up temporary repositories with installed hooks.
    hookTimeout: 120_000
  }
})
