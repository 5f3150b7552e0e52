/** Reads /api/metrics the way Prometheus does: the route handler, its text, one sample at a time. */
export async function scrape(authorization?: string): Promise<Response> {
  const { GET } = await import("~/app/api/metrics/route");
  const headers = new Headers(authorization ? { authorization } : {});
  return GET(new Request("http://localhost/api/metrics", { headers }));
}

export async function scrapeText(): Promise<string> {
  const response = await scrape();
  if (response.status !== 200) throw new Error(`metrics answered ${response.status}`);
  return response.text();
}

/** The value of one series (exact labels, in any order); 0 when the series is absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2] ? match[2].split(/,(?=[a-zA-Z_]\w*=")/) : [];
    if (present.length === wanted.length && wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}
