import { describe, expect, inject, it } from "vitest";
import { browserForThisFile } from "./browser";
import { signIn } from "./session";

const appUrl = inject("appUrl");
const browser = browserForThisFile();

describe("the main navigation", () => {
  it("opens More by keyboard: arrows move through its links, Escape closes it and returns to the button", async () => {
    const page = await browser().newPage();
    await signIn(page, appUrl, inject("demoEmail"), inject("demoPassword"));
    const nav = page.getByRole("navigation", { name: "Main" });
    const more = nav.getByRole("button", { name: "More" });
    await expect(more.getAttribute("aria-expanded")).resolves.toBe("false");

    await more.focus();
    await page.keyboard.press("ArrowDown");
    await expect(more.getAttribute("aria-expanded")).resolves.toBe("true");
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await expect.poll(focused).toBe("Banks");
    await page.keyboard.press("ArrowDown");
    await expect(focused()).resolves.toBe("Import");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(focused()).resolves.toBe("Settings");

    await page.keyboard.press("Escape");
    await expect(more.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(nav.getByRole("link", { name: "Settings" }).count()).resolves.toBe(0);
    await expect(focused()).resolves.toMatch(/More/);
    await page.close();
  });

  it("opens More by pointer, closes on a click elsewhere, and follows a link", async () => {
    const page = await browser().newPage();
    await signIn(page, appUrl, inject("demoEmail"), inject("demoPassword"));
    const nav = page.getByRole("navigation", { name: "Main" });
    const more = nav.getByRole("button", { name: "More" });

    await more.click();
    await nav.getByRole("link", { name: "Rules" }).waitFor();
    await page.getByRole("heading", { level: 1 }).click();
    await expect(more.getAttribute("aria-expanded")).resolves.toBe("false");

    await more.click();
    await nav.getByRole("link", { name: "Rules" }).click();
    await page.waitForURL("**/rules");
    await expect(more.getAttribute("aria-expanded")).resolves.toBe("false");
    await page.close();
  });

  it("on a phone every page is under Menu", async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 800 } });
    await signIn(page, appUrl, inject("demoEmail"), inject("demoPassword"));
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("button", { name: "Menu" }).click();
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual([
      "Dashboard",
      "Transactions",
      "Budgets",
      "Goals",
      "Insights",
      "Ask",
      "Banks",
      "Import",
      "Rules",
      "Notifications",
      "Settings",
    ]);
    await nav.getByRole("link", { name: "Goals" }).click();
    await page.waitForURL("**/goals");
    await page.close();
  });
});
