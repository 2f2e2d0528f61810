import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/temporary.ts"],
    // browser and build tests start Chromium and Eleventy; none of them is timed
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
