import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

const axeScript = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export type Violation = { id: string; impact: string; help: string; targets: string[] };

/**
 * axe-core's own checks (WCAG 2.x A and AA plus its best practices) on the page as it is now;
 * only serious and critical findings are returned. The page's context needs `bypassCSP`: the
 * app's CSP rightly refuses a script it did not send.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: axeScript });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options?: RunOptions): Promise<AxeResults> } })
      .axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact!,
        help: v.help,
        targets: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").at(-1)?.trim() ?? ""}`),
      }));
  });
}
