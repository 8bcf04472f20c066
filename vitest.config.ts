import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Two projects: `worker` runs inside workerd against real D1 (one isolated
 * database per test file); `browser` drives Debian's Chromium against a real
 * `wrangler dev` started once for the run.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "schema/migrations"));
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ADMIN_TOKEN: "test-admin-token",
                  SIGNING_KEYS: "k2:test-signing-secret-two-0123456789,k1:test-signing-secret-one-0123456789",
                },
                // Answers enqueue to a queue nobody consumes: tests hand messages to the
                // consumer themselves, so no delivery runs in the background against real DNS.
                queueProducers: { EVENTS: { queueName: "aftercare-events-tests" } },
              },
            }),
          ],
          // As wrangler.toml's [alias] does for the deployed bundle: the tests run the zod that ships.
          resolve: { alias: [{ find: /^zod$/, replacement: path.join(import.meta.dirname, "worker/zod/index.ts") }] },
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts"],
            setupFiles: ["test/worker/setup/apply-migrations.ts"],
            // Several tests send hundreds of requests in a row (rate limits, concurrency,
            // fuzz); on a loaded 2-CPU machine 5 s is not enough for them to finish.
            testTimeout: 30_000,
          },
        },
        {
          test: { name: "static", include: ["test/static/**/*.test.ts"], environment: "node" },
        },
        {
          test: {
            name: "browser",
            include: ["test/browser/**/*.test.ts"],
            environment: "node",
            globalSetup: ["test/browser/setup/wrangler-dev.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
