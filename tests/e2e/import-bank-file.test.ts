import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOT_DIR, browserForThisFile } from "./browser";
import { signUp } from "./session";

const appUrl = inject("appUrl");
const bankFile = (relative: string) => path.resolve(import.meta.dirname, "../../../shared/data/bank-files", relative);
const browser = browserForThisFile();

describe("importing a bank file from the Import page", () => {
  it("previews, imports into a new account, skips the same rows the second time, and names a broken line", async () => {
    const page = await browser().newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await signUp(page, appUrl, "import");

    // A Capital One card export: two rows, one purchase and one payment.
    await page.goto(`${appUrl}/import`, { waitUntil: "networkidle" });
    await page.getByLabel("Bank file (CSV, OFX, QFX or QIF)").setInputFiles(bankFile("csv-csv2ofx/capitalone.csv"));
    await page.getByLabel("Import into").selectOption({ label: "A new account…" });
    await page.getByLabel("New account name").fill("Venture card");
    await page.getByRole("button", { name: "Preview import" }).click();
    const preview = page.getByRole("region", { name: /preview/i });
    await preview.getByText("Airplanes R Us").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "import-preview.png"), fullPage: true });
    await page.getByRole("button", { name: "Import 2 transactions" }).click();
    await expect(page.getByRole("status").filter({ hasText: "added" }).textContent()).resolves.toMatch(
      /2 transactions added to “Venture card” \(new account\); 0 duplicates skipped/,
    );

    await page.getByRole("link", { name: "View transactions" }).click();
    const list = page.getByTestId("transaction-list");
    await list.getByText("Airplanes R Us").waitFor();
    await expect(list.getByText("-$1,000.00").count()).resolves.toBeGreaterThan(0);

    // The same file again, into the account it created: nothing new.
    await page.goto(`${appUrl}/import`, { waitUntil: "networkidle" });
    await page.getByLabel("Bank file (CSV, OFX, QFX or QIF)").setInputFiles(bankFile("csv-csv2ofx/capitalone.csv"));
    await page.getByLabel("Import into").selectOption({ index: 0 });
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByRole("button", { name: "Nothing new to import" }).isDisabled()).resolves.toBe(true);

    // A file with an amount that is not one: the error names the line, and nothing is written.
    await page.getByRole("button", { name: "Choose another file" }).click();
    await page
      .getByLabel("Bank file (CSV, OFX, QFX or QIF)")
      .setInputFiles(bankFile("csv-hledger/malformed/csvamountparse.csv"));
    await page.getByLabel("Import into").selectOption({ label: "A new account…" });
    await page.getByLabel("New account name").fill("Broken");
    await page.getByRole("button", { name: "Preview import" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "could not be imported" });
    await expect(alert.textContent()).resolves.toMatch(/Line 5: "badamount" is not an amount.*Nothing was written/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "import-broken-line.png"), fullPage: true });

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
