import { spawnSync } from "node:child_process";
import path from "node:path";
import { inject } from "vitest";
import { ARTIFACTS } from "../support/browser/chromium.js";
import { expect, test } from "../support/browser/fixture.js";
import { axeViolations } from "../support/browser/widget.js";

const origin = inject("origin");
const root = path.resolve(import.meta.dirname, "../..");

/** Creates ws_demo and its default survey straight in the local D1 that `wrangler dev` serves. */
function seedDemoWorkspace() {
  const now = Date.now();
  const sql = `INSERT OR IGNORE INTO workspaces (id, name, timezone, created_at) VALUES ('ws_demo', 'Maison Lumière', 'Europe/Paris', ${now});
INSERT OR IGNORE INTO surveys (id, workspace_id, name, questions, comment, ces_scale, is_default, created_at)
VALUES ('srv_demo', 'ws_demo', 'Default CSAT', '[{"type":"csat"}]', 1, 'agree7', 1, ${now});`;
  const run = spawnSync(
    path.join(root, "node_modules/.bin/wrangler"),
    [
      "d1",
      "execute",
      "aftercare",
      "--local",
      "--persist-to",
      path.join(root, ".wrangler/browser-tests"),
      "--command",
      sql,
    ],
    { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`seeding ws_demo failed: ${run.stderr}${run.stdout}`);
}

test("the demo shop page embeds the real widget under the page's strict CSP", async ({ newContext }) => {
  seedDemoWorkspace();
  const context = await newContext({ viewport: { width: 900, height: 1100 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") violations.push(m.text());
  });
  const res = await page.goto(`${origin}/demo`);
  expect(res?.status()).toBe(200);
  await page.getByRole("heading", { name: "Commande n° ML-48213" }).waitFor();
  await page.getByText("Êtes-vous satisfait de l'aide que vous avez reçue ?").waitFor();
  await page.getByRole("radio", { name: "5", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Merci, votre réponse est enregistrée." }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, "demo.png"), fullPage: true });
  expect(violations).toEqual([]);
  await context.close();
});
