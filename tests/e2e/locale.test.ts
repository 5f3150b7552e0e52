import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { tsxCommand } from "../../scripts/node-commands";
import { SCREENSHOT_DIR, browserForThisFile } from "./browser";
import { signUp } from "./session";

const appUrl = inject("appUrl");
const ROOT = path.resolve(import.meta.dirname, "../..");
const browser = browserForThisFile();
const NBSP = "\u00a0";

/** A purchase of 1,234.56 EUR today, imported for the user through the real CLI path. */
function importPurchase(email: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mt-e2e-")), "statement.qif");
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(file, `!Type:Bank\nD${today}\nT-1234.56\nPBIKE SHOP BERLIN\n^\n`);
  execFileSync(
    ...tsxCommand("src/cli/main.ts", "import", file, "--user", email, "--account", "Girokonto", "--currency", "EUR"),
    { cwd: ROOT, env: { ...process.env, ...inject("appEnv") }, stdio: "pipe" },
  );
}

/** Console errors and uncaught exceptions, named by page: a hydration mismatch (React #418) shows here. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  const where = () => new URL(page.url()).pathname;
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${where()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${where()}: ${String(e)}`));
  return problems;
}

const recentAmounts = (page: Page) =>
  page
    .getByTestId("recent-transactions")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.lastElementChild?.textContent?.trim()));

describe("amounts and dates in the user's own format", () => {
  it("a user who picks de-DE sees 1.234,56 € on the dashboard and the transactions, rendered alike on server and browser", async () => {
    const page = await browser().newPage();
    const problems = collectProblems(page);
    const email = await signUp(page, appUrl, "locale");
    importPurchase(email);

    await page.goto(`${appUrl}/dashboard`);
    await page.getByTestId("recent-transactions").locator("tbody tr").first().waitFor();
    await expect(recentAmounts(page)).resolves.toEqual(["-€1,234.56"]);

    await page.goto(`${appUrl}/settings`);
    const profile = page.getByTestId("profile-settings");
    await profile.getByLabel("Number and date format").selectOption("de-DE");
    await profile.getByLabel("Currency").selectOption("EUR");
    await profile.getByLabel("Time zone").selectOption("Europe/Berlin");
    // A mark on this document: it is still there below only if nothing reloaded the page.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await profile.getByRole("button", { name: "Save" }).click();
    await profile.getByText("Saved.").waitFor();

    // The layout around every page is not fetched again by a client-side navigation: only the
    // refresh after saving puts the new locale into it.
    await page.getByRole("navigation").getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL("**/dashboard");
    await expect.poll(() => recentAmounts(page)).toEqual([`-1.234,56${NBSP}€`]);
    await expect(page.evaluate(() => "__sameDocument" in window)).resolves.toBe(true);

    // Server-rendered from here on: the HTML already holds the German figures and hydrates without a mismatch.
    const html = await (await page.request.get(`${appUrl}/dashboard`)).text();
    expect(html).toContain(`-1.234,56${NBSP}€`);
    await page.goto(`${appUrl}/dashboard`);
    const recent = page.getByTestId("recent-transactions");
    await recent.locator("tbody tr").first().waitFor();
    await expect(recentAmounts(page)).resolves.toEqual([`-1.234,56${NBSP}€`]);
    await expect(recent.locator("tbody td").first().textContent()).resolves.toMatch(/^\d{1,2}\. \p{L}+\.?$/u);
    await expect(page.getByTestId("spending-by-category").textContent()).resolves.toContain(`1.234,56${NBSP}€`);
    // The cash-flow chart's axes, drawn in the browser by recharts: amounts and months in German.
    const chart = page.getByTestId("cash-flow");
    const yTicks = chart.locator(".recharts-yAxis-tick-labels text");
    await yTicks.first().waitFor();
    await expect(yTicks.allTextContents()).resolves.toContain(`0${NBSP}€`);
    const xTicks = await chart.locator(".recharts-xAxis-tick-labels text").allTextContents();
    expect(xTicks.length).toBeGreaterThan(0);
    for (const month of xTicks) expect(month).toMatch(/^\p{L}+\.? \d{4}$/u);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "dashboard-de-DE.png"), fullPage: true });

    await page.goto(`${appUrl}/transactions`);
    const row = page.getByTestId("transaction-list").getByRole("row").first();
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.at(-1)).toBe(`-1.234,56${NBSP}€`);
    await row.getByRole("button", { name: /bike shop/i }).click();
    await expect(page.getByRole("dialog").textContent()).resolves.toMatch(
      new RegExp(`-1\\.234,56${NBSP}€ on \\d{2}\\.\\d{2}\\.\\d{4} · Girokonto`),
    );

    expect(problems).toEqual([]);
    await page.close();
  });
});
