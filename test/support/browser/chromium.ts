import path from "node:path";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/** Where tests save screenshots (git-ignored; the README's pictures are copied from here). */
export const ARTIFACTS = path.resolve(import.meta.dirname, "../../artifacts");
