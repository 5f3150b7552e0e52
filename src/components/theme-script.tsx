// Runs before first paint so the page never flashes the wrong theme: "system" follows the OS.
// The script is a constant (no user data); the nonce lets it run under the CSP (src/proxy.ts).
const script = `(() => {
  const stored = localStorage.getItem("theme");
  const dark = stored === "dark" || (stored !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
})()`;

export function ThemeScript({ nonce }: { nonce?: string }) {
  // Browsers hide a nonce attribute from the DOM once parsed, so hydration would see it differ.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />;
}
