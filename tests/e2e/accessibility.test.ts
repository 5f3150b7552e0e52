import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type Violation, seriousViolations } from "./axe";
import { SCREENSHOT_DIR, browserForThisFile } from "./browser";
import { signIn } from "./session";

const appUrl = inject("appUrl");
const APP_DIR = path.resolve(import.meta.dirname, "../../src/app");
const SHOTS = path.join(SCREENSHOT_DIR, "pages");

/** Every page of a route group, read from the file system so a new page is checked without a list to update. */
function routesOf(group: string): string[] {
  return readdirSync(path.join(APP_DIR, group), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => `/${path.dirname(file)}`.replace(/\/\.$/, ""))
    .filter((route) => !route.includes("["))
    .sort();
}

const SIGNED_IN_ROUTES = routesOf("(app)");
const SIGNED_OUT_ROUTES = [...routesOf("(auth)"), "/offline"];

const browser = browserForThisFile();
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  console.log(`page screenshots: ${SHOTS}`);
});

/** Opens the route once its data has arrived, checks it, and keeps a screenshot. */
async function check(page: Page, route: string, scheme: "light" | "dark"): Promise<string[]> {
  await page.goto(`${appUrl}${route}`);
  // Cards stream in after the shell; some pages poll, so quiet network is waited for, not required.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
  await page.screenshot({
    path: path.join(SHOTS, `${route.slice(1).replaceAll("/", "-") || "root"}-${scheme}.png`),
    fullPage: true,
  });
  const format = (v: Violation) =>
    `${route} (${scheme}) ${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join("\n    ")}`;
  return (await seriousViolations(page)).map(format);
}

async function contextFor(scheme: "light" | "dark"): Promise<BrowserContext> {
  return browser().newContext({ colorScheme: scheme, bypassCSP: true });
}

describe.each(["light", "dark"] as const)(
  "accessibility in %s mode (axe-core: no serious or critical issue)",
  (scheme) => {
    it("every signed-in page, with the demo user's data", { timeout: 180_000 }, async () => {
      expect(SIGNED_IN_ROUTES).toContain("/dashboard");
      const context = await contextFor(scheme);
      const page = await context.newPage();
      await signIn(page, appUrl, inject("demoEmail"), inject("demoPassword"));
      const problems: string[] = [];
      for (const route of SIGNED_IN_ROUTES) problems.push(...(await check(page, route, scheme)));
      await context.close();
      expect(problems.join("\n")).toBe("");
    });

    it("every signed-out page", { timeout: 120_000 }, async () => {
      expect(SIGNED_OUT_ROUTES).toContain("/sign-in");
      const context = await contextFor(scheme);
      const page = await context.newPage();
      const problems: string[] = [];
      for (const route of SIGNED_OUT_ROUTES) problems.push(...(await check(page, route, scheme)));
      await context.close();
      expect(problems.join("\n")).toBe("");
    });
  },
);
