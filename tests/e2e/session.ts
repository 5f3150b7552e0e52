import type { Page } from "playwright-core";

export const PASSWORD = "a-long-password-1";

/**
 * Each test's newcomer comes from an address of their own (TEST-NET-2, picked by the prefix), as
 * different people would: all from 127.0.0.1, the sixth sign-up of a run hit the per-address limit.
 */
function clientAddress(prefix: string): string {
  const sum = [...prefix].reduce((total, c) => (total * 31 + c.charCodeAt(0)) % 250, 7);
  return `198.51.100.${sum + 1}`;
}

/** Signs a brand-new user up through the form; resolves on their (empty) dashboard with the email used. */
export async function signUp(page: Page, appUrl: string, prefix: string): Promise<string> {
  const email = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress(prefix) });
  await page.goto(`${appUrl}/sign-up`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/dashboard");
  return email;
}

export async function signIn(page: Page, appUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}
