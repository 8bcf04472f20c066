import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { d1Bindings } from "./shards";

// Setup files run before each test file; applying is idempotent. The directory and every shard
// get every migration, as `npm run db:migrate` and `npm start` do.
for (const [, d1] of d1Bindings()) await applyD1Migrations(d1, env.TEST_MIGRATIONS);
