// Launches Debian's Chromium through playwright-core (never a downloaded browser) and opens the built page from disk.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { build } from "vite";

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
export const PAGE_URL = new URL("../dist/index.html", import.meta.url).href;
export const SHOTS = fileURLToPath(new URL(process.env["SCREENSHOTS"] === "docs" ? "../../../docs/screenshots/" : "../../../.tmp/screenshots/", import.meta.url));

/** Whether the browser tests can run; under CI a missing Chromium is a failure, locally a skip with a message. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env["CI"] === "true") throw new Error(`Chromium not found at ${CHROMIUM}: scripts/ci/web.sh installs it (apt-get install chromium)`);
  console.warn(`SKIPPED: Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  return false;
}

export async function buildApp(): Promise<void> {
  await build({ configFile: `${APP_DIR}/vite.config.ts`, logLevel: "warn" });
}

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh context (its own profile state), offline, Chinese locale; every request other than the page's own file fails the test. */
export async function openApp(browser: Browser, hash: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ offline: true, acceptDownloads: true, locale: "zh-CN", viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith("file://") && !r.url().startsWith("blob:") && !r.url().startsWith("data:") && !r.url().startsWith("about:")) errors.push(`network request: ${r.url()}`);
  });
  await page.goto(`${PAGE_URL}#${hash}`);
  return { context, page, errors };
}
