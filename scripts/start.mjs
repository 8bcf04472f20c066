// `npm start`: build the browser bundles, apply the local D1 migrations (the directory and
// every shard of wrangler.toml), make sure
// .dev.vars holds an admin token and signing keys, start `wrangler dev` on $PORT,
// seed a demo workspace on an empty database (unless DEMO=0) before the Worker
// starts, then print the URLs.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 8787);
const origin = `http://localhost:${port}`;
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
const bin = (name) => path.join(root, "node_modules/.bin", name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    console.error(`✗ ${path.basename(cmd)} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

/** Reads .dev.vars, adding what is missing; $ADMIN_TOKEN wins over the file. */
function devVars() {
  const file = path.join(root, ".dev.vars");
  const vars = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const m = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"?(.*?)"?\s*$/.exec(line);
      if (m) vars[m[1]] = m[2];
    }
  }
  let generated = false;
  if (!vars.ADMIN_TOKEN) {
    vars.ADMIN_TOKEN = `adm_${randomBytes(24).toString("base64url")}`;
    generated = true;
  }
  if (!vars.SIGNING_KEYS) {
    vars.SIGNING_KEYS = `k1:${randomBytes(32).toString("base64url")}`;
    generated = true;
  }
  if (generated) {
    writeFileSync(
      file,
      `${Object.entries(vars)
        .map(([k, v]) => `${k}="${v}"`)
        .join("\n")}\n`,
    );
  }
  if (process.env.ADMIN_TOKEN) vars.ADMIN_TOKEN = process.env.ADMIN_TOKEN;
  return { vars, generated };
}

console.log("› building the widget, hosted page and dashboard bundles");
run(process.execPath, [path.join(root, "scripts/build-client.mjs")]);
console.log("› applying local D1 migrations to the directory and every shard");
run(process.execPath, [path.join(root, "scripts/migrate.mjs"), "--local"]);
const { vars, generated } = devVars();

/**
 * On a database without any workspace, seeds the demo workspace (unless DEMO=0)
 * before the Worker starts, and keeps its API key in .dev.vars as DEMO_API_KEY
 * so that later starts still print a key that works.
 */
async function seedDemoIfEmpty() {
  if (process.env.DEMO === "0") return null;
  const { seedDemo } = await import(path.join(root, "scripts/seed-demo.mjs"));
  const result = await seedDemo({ root, apiKey: vars.DEMO_API_KEY || undefined });
  if (result.seeded) {
    console.log(
      `✓ demo workspace seeded: ${Object.entries(result.stats)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")}`,
    );
    if (vars.DEMO_API_KEY !== result.apiKey) {
      const file = path.join(root, ".dev.vars");
      const text = existsSync(file) ? readFileSync(file, "utf8").replace(/^DEMO_API_KEY=.*\n?/m, "") : "";
      writeFileSync(file, `${text}${text && !text.endsWith("\n") ? "\n" : ""}DEMO_API_KEY="${result.apiKey}"\n`);
    }
    return { apiKey: result.apiKey };
  }
  return result.demoExists && vars.DEMO_API_KEY ? { apiKey: vars.DEMO_API_KEY } : null;
}

const demo = await seedDemoIfEmpty();

const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false"];
// A developer may point a webhook endpoint at a receiver on this machine (http://127.0.0.1, localhost).
args.push("--var", "ALLOW_LOCAL_WEBHOOKS:on");
if (process.env.ADMIN_TOKEN) args.push("--var", `ADMIN_TOKEN:${process.env.ADMIN_TOKEN}`);
const dev = spawn(bin("wrangler"), args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
dev.stdout.on("data", (chunk) => process.stdout.write(chunk));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the Worker did not answer /healthz within 60 s");
}

await waitForHealth();
console.log(`
  Aftercare is running on ${origin}

  Demo shop page   ${origin}/demo
  Dashboard        ${origin}/dashboard
  API docs         ${origin}/docs   (OpenAPI: ${origin}/openapi.json)
  Health           ${origin}/healthz

  Admin token      ${vars.ADMIN_TOKEN}${process.env.ADMIN_TOKEN ? "   (from $ADMIN_TOKEN)" : generated ? "   (generated into .dev.vars)" : ""}${demo?.apiKey ? `\n  Demo API key     ${demo.apiKey}\n  Signed-in link   ${origin}/dashboard#key=${demo.apiKey}` : ""}
`);
