/**
 * Renders the app icons (PWA manifest, favicon) from one SVG with the same Chromium the tests
 * use, so no image tool is needed. Run after changing the artwork: `npx tsx scripts/generate-icons.ts`.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { launchBrowser } from "../tests/e2e/browser";

const OUT = path.resolve(import.meta.dirname, "../public/icons");

// A wallet on the brand green; `inset` leaves the safe zone that maskable icons need.
const svg = (inset: number) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${inset ? 0 : 96}" fill="#0f7a55"/>
  <g transform="translate(${inset} ${inset}) scale(${(512 - 2 * inset) / 512})">
    <rect x="96" y="148" width="320" height="232" rx="36" fill="#fff"/>
    <path d="M136 148 L330 100 a20 20 0 0 1 24 19 V148" fill="none" stroke="#fff" stroke-width="28" stroke-linejoin="round"/>
    <rect x="300" y="232" width="116" height="72" rx="20" fill="#0f7a55"/>
    <circle cx="338" cy="268" r="14" fill="#fff"/>
  </g>
</svg>`;

const ICONS = [
  { file: "icon-192.png", size: 192, inset: 0 },
  { file: "icon-512.png", size: 512, inset: 0 },
  { file: "icon-maskable-512.png", size: 512, inset: 56 },
  { file: "apple-touch-icon.png", size: 180, inset: 0 },
];

const browser = await launchBrowser();
const page = await browser.newPage();
for (const icon of ICONS) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(
    `<html><body style="margin:0">${svg(icon.inset).replace("<svg ", `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`,
  );
  await writeFile(path.join(OUT, icon.file), await page.screenshot({ omitBackground: true }));
}
await writeFile(path.join(OUT, "icon.svg"), svg(0).trim() + "\n");
await browser.close();
console.log(`Wrote ${ICONS.length + 1} icons to ${path.relative(process.cwd(), OUT)}`);
