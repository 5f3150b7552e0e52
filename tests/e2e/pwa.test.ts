import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOT_DIR, browserForThisFile, launchWithProfile } from "./browser";
import { signIn } from "./session";

const appUrl = inject("appUrl");
const browser = browserForThisFile();

const savedDashboard = (page: Page) =>
  page.evaluate(async () => Boolean(await caches.match("/dashboard", { ignoreSearch: true })));

describe("the installable app", () => {
  it("has a manifest and a service worker Chromium accepts, and nothing stops installing it", async () => {
    const context = await launchWithProfile();
    const page = await context.newPage();
    await page.goto(`${appUrl}/sign-in`);
    const cdp = await context.newCDPSession(page);

    const manifest = await cdp.send("Page.getAppManifest", {});
    expect(manifest.url).toBe(`${appUrl}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    expect(manifest.manifest.startUrl).toBe(`${appUrl}/dashboard`);
    expect(JSON.parse(manifest.data!)).toMatchObject({ display: "standalone", scope: "/" });

    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: `${appUrl}/`, script: `${appUrl}/sw.js` });
    // Installability is judged on the page the service worker controls, with icons fetched.
    await page.reload();
    await expect.poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);
    await context.close();
  });

  it("opens the dashboard offline after one visit, says it is offline, and forgets it at sign-out", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signIn(page, appUrl, inject("demoEmail"), inject("demoPassword"));
    await page.getByTestId("accounts").locator("li").first().waitFor();
    const balances = await page.getByTestId("accounts").textContent();
    await expect.poll(() => savedDashboard(page), { timeout: 20_000 }).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("status").filter({ hasText: "You are offline" }).waitFor();
    await expect(page.getByTestId("accounts").textContent()).resolves.toBe(balances);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "dashboard-offline.png"), fullPage: true });

    // A page never saved shows the offline page instead of the browser's error.
    await page.goto(`${appUrl}/budgets`);
    await page.getByRole("heading", { name: "You are offline" }).waitFor();

    await context.setOffline(false);
    await page.goto(`${appUrl}/dashboard`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");
    await expect.poll(() => savedDashboard(page)).toBe(false);
    await context.close();
  });
});
