import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SCREENSHOT_DIR, browserForThisFile } from "./browser";
import { signUp } from "./session";

const appUrl = inject("appUrl");
const SHOTS = path.join(SCREENSHOT_DIR, "golden-path");
const browser = browserForThisFile();

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  console.log(`golden path screenshots: ${SHOTS}`);
});

let step = 0;
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${String(++step).padStart(2, "0")}-${name}.png`), fullPage: true });

/** Connects the first bank of the local server's picker and waits through its first sync. */
async function connectLocalBank(page: Page): Promise<string> {
  await page.goto(`${appUrl}/banks`);
  await page.getByText("No bank connected yet").waitFor();
  await shoot(page, "banks-empty");
  await page.getByRole("button", { name: "Connect a bank" }).click();
  const bank = page.getByRole("list", { name: "Banks" }).getByRole("button").first();
  const bankName = (await bank.textContent())!.trim();
  await bank.click();

  const connection = page.getByTestId("bank-connection");
  await connection.getByRole("progressbar", { name: "Sync in progress" }).waitFor({ timeout: 30_000 });
  await shoot(page, "banks-syncing");
  await connection.getByText(/Synced .* · [1-9][\d,]* new/).waitFor({ timeout: 60_000 });
  await expect(connection.textContent()).resolves.toContain(bankName);
  await shoot(page, "banks-synced");
  return bankName;
}

/** Category badges are set by the categorize worker after the sync: reload until they show. */
async function waitForCategorizedRows(page: Page) {
  const rows = page.getByTestId("transaction-list").getByRole("row");
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto(`${appUrl}/transactions`);
    await rows.first().waitFor();
    const categorized = await rows.evaluateAll(
      (all) => all.filter((row) => row.querySelectorAll("[role=cell]")[3]?.textContent?.trim()).length,
    );
    if (categorized > 5) return;
    await page.waitForTimeout(1_000);
  }
  throw new Error("no transaction got a category within 30 s of the sync");
}

/** Opens the first row whose merchant has more than one transaction, gives it another category for the whole merchant. */
async function recategorizeAMerchant(page: Page): Promise<{ merchant: string; category: string }> {
  const merchants = await page
    .getByTestId("transaction-list")
    .getByRole("row")
    .evaluateAll((rows) => rows.map((row) => row.querySelector("button")?.textContent?.trim() ?? ""));
  const merchant = merchants.find((name, i) => name && merchants.indexOf(name) !== i)!;
  expect(merchant, "some merchant appears twice in the first screen of transactions").toBeTruthy();

  await page.getByTestId("transaction-list").getByRole("button", { name: merchant, exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  const select = dialog.getByLabel("Category");
  const current = await select.inputValue();
  const options = await select
    .locator("option")
    .evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent!.trim() })));
  // A primary category other than the current one (its label is what the row badge shows).
  const target = options.find((o) => o.value && o.value !== current && !o.label.includes("›"))!;
  await select.selectOption(target.value);
  await dialog.getByLabel(`Also apply to all transactions from ${merchant}`).check();
  await shoot(page, "transactions-recategorize");
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "detached" });
  return { merchant, category: target.label };
}

async function expectEveryRowOf(page: Page, merchant: string, category: string) {
  await page.getByRole("search").getByPlaceholder("Search merchant, description, notes").fill(merchant);
  const rows = page.getByTestId("transaction-list").getByRole("row");
  await expect
    .poll(async () =>
      rows.evaluateAll((all) =>
        all.map((row) => [
          row.querySelector("button")?.textContent,
          row.querySelectorAll("[role=cell]")[3]?.textContent,
        ]),
      ),
    )
    .toSatisfy((pairs: [string, string][]) => pairs.length >= 2 && pairs.every(([, badge]) => badge === category));
  await shoot(page, "transactions-merchant-recategorized");
}

async function createBudget(page: Page) {
  await page.goto(`${appUrl}/budgets`);
  await page.getByText("No budgets yet").waitFor();
  await page.getByRole("button", { name: "New budget" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Everything this month");
  await dialog.getByLabel("Amount").fill("1000.00");
  await dialog.getByRole("button", { name: "Create budget" }).click();
  await dialog.waitFor({ state: "detached" });
  const card = page.getByTestId("budget-card");
  const bar = card.getByRole("progressbar", { name: /Everything this month: \d+ % used/ });
  await bar.waitFor();
  await expect(card.textContent()).resolves.toMatch(/\$[\d,]+\.\d{2} of \$1,000\.00/);
  await expect(bar.getAttribute("aria-valuenow")).resolves.toMatch(/^\d+$/);
  await shoot(page, "budgets");
}

/**
 * Asks a question and records the answer's length at every DOM change: a streamed answer is seen
 * at several lengths on its way to the last one, an answer delivered whole at one or two.
 */
async function askTheChat(page: Page): Promise<{ answer: string; lengths: number[] }> {
  await page.goto(`${appUrl}/chat`);
  await page.getByLabel("Your question").fill("How much did I spend last month?");
  await page.evaluate(() => {
    const list = document.querySelector('[aria-label="Conversation"]')!;
    const seen: number[] = [];
    (window as unknown as { answerLengths: number[] }).answerLengths = seen;
    new MutationObserver(() => {
      const answer = list.children[1]?.textContent ?? "";
      if (answer.length !== seen.at(-1)) seen.push(answer.length);
    }).observe(list, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
  const answer = (await page.getByRole("list", { name: "Conversation" }).locator("li").nth(1).textContent()) ?? "";
  const lengths = await page.evaluate(() => (window as unknown as { answerLengths: number[] }).answerLengths);
  await shoot(page, "chat");
  return { answer, lengths };
}

/** Clicks a download link and returns the file's name and bytes. */
async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const file = await started;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** The list as CSV and Excel from the Transactions page, the monthly PDF report from Insights. */
async function exportListAndReport(page: Page, merchant: string) {
  await page.goto(`${appUrl}/transactions`);
  await page.getByTestId("transaction-list").getByRole("row").first().waitFor();
  const csv = await download(page, "Export CSV");
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.bytes.toString("utf8").trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(100);
  expect(lines.some((line) => line.includes(merchant))).toBe(true);
  const xlsx = await download(page, "Export Excel");
  expect(xlsx.name).toMatch(/\.xlsx$/);
  // An .xlsx file is a ZIP archive holding the workbook's XML parts.
  expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  expect(xlsx.bytes.includes("xl/worksheets/")).toBe(true);

  await page.goto(`${appUrl}/insights`);
  const pdf = await download(page, "Download monthly report");
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await shoot(page, "insights-report");
}

describe("the golden path of a new user", () => {
  it("signs up, connects a bank, recategorizes, budgets, asks, and signs out", { timeout: 240_000 }, async () => {
    const page = await browser().newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`${new URL(page.url()).pathname}: ${String(e)}`));

    await signUp(page, appUrl, "golden");
    await page.getByText("Connect a bank or import a bank file").first().waitFor();
    await shoot(page, "dashboard-empty");

    await connectLocalBank(page);

    await waitForCategorizedRows(page);
    await shoot(page, "transactions");
    const { merchant, category } = await recategorizeAMerchant(page);
    await expectEveryRowOf(page, merchant, category);

    await createBudget(page);

    const { answer, lengths } = await askTheChat(page);
    expect(answer).toMatch(/\$[\d,]+\.\d{2}/);
    expect(lengths.at(-1)).toBe(answer.length);
    expect(lengths.filter((n) => n > 0 && n < answer.length).length).toBeGreaterThanOrEqual(3);

    await exportListAndReport(page, merchant);

    await page.goto(`${appUrl}/dashboard`);
    await page.getByTestId("recent-transactions").locator("tbody tr").first().waitFor();
    await shoot(page, "dashboard");
    // The net worth sparkline's tooltip names the month a point stands for.
    const sparkline = page.getByTestId("net-worth").locator(".recharts-surface");
    await sparkline.hover();
    await expect(page.getByTestId("net-worth").locator(".recharts-tooltip-wrapper").textContent()).resolves.toMatch(
      /^[A-Z][a-z]{2} \d{4}Net worth-?\$[\d,]+\.\d{2}$/,
    );

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");
    await shoot(page, "signed-out");
    expect(problems).toEqual([]);
    await page.close();
  });
});
