import { generate } from "otplib";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile } from "./browser";
import { PASSWORD, signUp } from "./session";

const appUrl = inject("appUrl");
const browser = browserForThisFile();

/** Console errors other than the expected 401 of a sign-in that still needs its code; a CSP violation would show here. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("401")) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return problems;
}

describe("two-factor, API tokens, export and deletion in the browser", () => {
  it("turns two-factor on, asks for the code at sign-in, and takes a recovery code", async () => {
    const page = await browser().newPage();
    const problems = collectProblems(page);
    const email = await signUp(page, appUrl, "security");
    // Secure (with the __Secure- prefix) only over https; the test server speaks http.
    const sessionCookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.goto(`${appUrl}/settings/security`);
    await page.getByRole("button", { name: "Set up two-factor" }).click();
    const secret = (await page
      .locator("code")
      .filter({ hasText: /^[A-Z2-7]{16,}$/ })
      .textContent())!.trim();
    await page.getByLabel("Six-digit code").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Turn on" }).click();
    const codeItems = page.getByTestId("recovery-codes").locator("li");
    // The codes arrive with the server's answer; allTextContents does not wait for them.
    await codeItems.first().waitFor();
    const codes = await codeItems.allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole("button", { name: "I have saved them" }).click();

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL("**/sign-in**");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Authentication code").fill(codes[0]!);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.waitForURL("**/dashboard");

    await page.goto(`${appUrl}/settings/security`);
    const log = await page.getByTestId("audit-log").textContent();
    for (const entry of ["Two-factor turned on", "Recovery code used", "Signed in"]) expect(log).toContain(entry);

    await page.getByLabel("Name").first().fill("e2e script");
    await page.getByLabel("Authenticator code").fill(codes[1]!);
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-api-token").textContent())!.trim();
    const accounts = await fetch(`${appUrl}/api/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
    expect(accounts.status).toBe(200);

    await page.goto(`${appUrl}/settings`);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download my data" }).click();
    expect((await download).suggestedFilename()).toMatch(/^money-tracking-export-\d{4}-\d{2}-\d{2}\.zip$/);

    await page.getByRole("button", { name: "Delete my account…" }).click();
    const warning = await page.getByRole("dialog").textContent();
    for (const kept of ["Security audit entries", "Database backups", "Plaid is told to stop sharing"]) {
      expect(warning).toContain(kept);
    }
    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByLabel(/Code from your authenticator/).fill(codes[2]!);
    await page.getByLabel("Type DELETE to confirm").fill("DELETE");
    await page.getByRole("button", { name: "Delete everything" }).click();
    await page.waitForURL("**/sign-in?deleted=1");
    const after = await fetch(`${appUrl}/api/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);

    expect(problems).toEqual([]);
    await page.close();
  });

  it("serves every page with a per-request CSP nonce and framing refused", async () => {
    const first = await fetch(`${appUrl}/sign-in`);
    const second = await fetch(`${appUrl}/sign-in`);
    const nonce = (r: Response) => r.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(second)).not.toBe(nonce(first));
    expect(first.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await first.text()).toContain(`nonce="${nonce(first)}"`);
  });
});
