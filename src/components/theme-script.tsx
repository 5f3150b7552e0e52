// Runs before first paint so the page never flashes the wrong theme: "system" follows the OS.
const script = `(() => {
  const stored = localStorage.getItem("theme");
  const dark = stored === "dark" || (stored !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
})()`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
