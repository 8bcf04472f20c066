import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedDemo } from "../../../scripts/seed-demo.mjs";

/**
 * Starts one real `wrangler dev` (workerd + local D1) for the browser tests, on
 * a free port with a fresh database, and provides its origin and admin token.
 */
const root = path.resolve(import.meta.dirname, "../../..");
const persist = path.join(root, ".wrangler/browser-tests");
export const ADMIN_TOKEN = "browser-admin-token";
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

let dev: ChildProcess | undefined;

export async function setup(project: TestProject) {
  rmSync(persist, { recursive: true, force: true });
  // The directory and every shard of wrangler.toml, as `npm run db:migrate` does.
  const migrate = spawnSync(
    process.execPath,
    [path.join(root, "scripts/migrate.mjs"), "--local", "--persist-to", persist],
    {
      cwd: root,
      env,
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}${migrate.stdout}`);
  // The demo workspace (ws_demo), exactly as `npm start` seeds it: the dashboard tests read it.
  const demo = await seedDemo({ root, persistTo: persist, log: () => {} });
  const port = await freePort();
  dev = spawn(
    bin("wrangler"),
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      persist,
      "--show-interactive-dev-session=false",
      "--var",
      `ADMIN_TOKEN:${ADMIN_TOKEN}`,
      "--var",
      "SIGNING_KEYS:kb:browser-test-signing-secret-0123456789",
      "--var",
      "ALLOW_LOCAL_WEBHOOKS:on",
    ],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  dev.stdout?.on("data", (d) => (log += d));
  dev.stderr?.on("data", (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {}
    if (i > 400) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("origin", origin);
  project.provide("adminToken", ADMIN_TOKEN);
  project.provide("demoApiKey", demo.apiKey ?? "");
}

export async function teardown() {
  dev?.kill("SIGTERM");
}

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    adminToken: string;
    /** The API key of the seeded demo workspace `ws_demo`. */
    demoApiKey: string;
  }
}
