import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SCREENSHOT_DIR, launchBrowser } from "./browser";

const appUrl = inject("appUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

describe("signing up, in and out", () => {
  it("a new user signs up, lands on an empty dashboard, signs out, and signs in again", async () => {
    const page = await browser.newPage();
    const email = `new-${Date.now()}@example.com`;
    await page.goto(`${appUrl}/sign-up`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-long-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/dashboard");
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toBe(email);
    await page.getByText("Connect a bank or import a bank file").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");
    await signIn(page, email, "a-long-password-1");
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toBe(email);
    await page.close();
  });

  it("a wrong password is refused with a message", async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl}/sign-in`);
    await page.getByLabel("Email").fill(inject("demoEmail"));
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: /\w/ });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/don't match|too many|try again/i);
    expect(page.url()).toContain("/sign-in");
    await page.close();
  });
});

describe("the demo user's dashboard", () => {
  it("shows the seeded accounts, this month's spending and recent transactions; after sign-out it is closed", async () => {
    const page = await browser.newPage();
    await signIn(page, inject("demoEmail"), inject("demoPassword"));

    // The cards stream in after the page shell; wait for each before reading it.
    const accounts = page.getByTestId("accounts").locator("li");
    await accounts.first().waitFor();
    await page.getByTestId("recent-transactions").locator("tbody tr").first().waitFor();
    await page.getByTestId("spending-by-category").locator("li").first().waitFor();
    await expect(accounts.count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId("accounts").textContent()).resolves.toMatch(/\$[\d,]+\.\d{2}/);
    await expect(page.getByTestId("recent-transactions").locator("tbody tr").count()).resolves.toBe(10);
    await expect(page.getByTestId("spending-by-category").locator("li").count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "dashboard.png"), fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");
    await page.goto(`${appUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });
});
