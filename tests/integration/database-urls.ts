// Tests run against the machine's real PostgreSQL; TEST_DATABASE_URL names the server to use.
const base = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

export function databaseUrl(name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export const adminUrl = () => databaseUrl("postgres");
