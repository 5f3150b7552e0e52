import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { tsxCommand } from "../../scripts/node-commands";
import { SCREENSHOT_DIR, browserForThisFile } from "./browser";
import { signUp } from "./session";

const appUrl = inject("appUrl");
const ROOT = path.resolve(import.meta.dirname, "../..");
// Each payload, if ever parsed as HTML, runs script that leaves a mark on `window` or opens a dialog.
const MERCHANT = `<img src=x onerror="window.__injected='merchant'">Evil & Co`;
const MEMO = `<script>window.__injected='memo'</script> lunch`;
const NOTE = `<img src=y onerror="alert('note')"><b>bold</b> & <a href="javascript:alert(1)">link</a>`;
const browser = browserForThisFile();

/** A bank file imported for the user through the real CLI path (parse, plan, commit). */
function importBankFile(email: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mt-e2e-")), "statement.qif");
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(file, `!Type:Bank\nD${today}\nT-12.34\nP${MERCHANT}\nM${MEMO}\n^\n`);
  execFileSync(...tsxCommand("src/cli/main.ts", "import", file, "--user", email, "--account", "Checking"), {
    cwd: ROOT,
    env: { ...process.env, ...inject("appEnv") },
    stdio: "pipe",
  });
}

describe("text from the bank or the user", () => {
  it("renders a merchant name and a note holding HTML and script as inert text", async () => {
    const page = await browser().newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const email = await signUp(page, appUrl, "inert");
    importBankFile(email);

    await page.goto(`${appUrl}/transactions`);
    const list = page.getByTestId("transaction-list");
    // The categorizer may tidy the merchant name; the bank's description is always shown as it came.
    const merchant = list.getByRole("button", { name: /Evil & Co/ });
    await merchant.waitFor();
    await merchant.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.textContent()).resolves.toContain(`${MERCHANT} / ${MEMO}`);
    await dialog.getByLabel("Notes").fill(NOTE);
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await list.getByText(NOTE, { exact: false }).waitFor();

    await page.goto(`${appUrl}/dashboard`);
    const recent = page.getByTestId("recent-transactions");
    await recent.getByText(/Evil & Co/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "inert-user-text.png"), fullPage: true });

    for (const url of [`${appUrl}/transactions`, `${appUrl}/dashboard`]) {
      await page.goto(url);
      await page.getByText("Evil & Co").first().waitFor();
      const injected = await page.evaluate(() => ({
        mark: (window as unknown as { __injected?: string }).__injected ?? null,
        elements: document.querySelectorAll('img[src="x"], img[src="y"], a[href^="javascript:"], main b').length,
      }));
      expect(injected, url).toEqual({ mark: null, elements: 0 });
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
