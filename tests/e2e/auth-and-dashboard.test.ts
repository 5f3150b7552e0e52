import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOT_DIR, browserForThisFile } from "./browser";
import { PASSWORD, signIn, signUp } from "./session";

const appUrl = inject("appUrl");
const browser = browserForThisFile();

describe("signing up, in and out", () => {
  it("a new user signs up, lands on an empty dashboard, signs out, and signs in again", async () => {
    const page = await browser().newPage();
    const email = await signUp(page, appUrl, "new");
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toBe(email);
    await page.getByText("Connect a bank or import a bank file").first().waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");
    await signIn(page, appUrl, email, PASSWORD);
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toBe(email);
    await page.close();
  });

  it("a wrong password is refused with a message", async () => {
    const page = await browser().newPage();
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
    const page = await browser().newPage();
    await signIn(page, appUrl, inject("demoEmail"), inject("demoPassword"));

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
