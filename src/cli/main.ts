/**
 * `npm run -s cli -- <command> …`: the command-line entry for scripts and checks.
 * Each command lives in ./commands/<name>.ts and exports `run(args): Promise<number>` (the exit code).
 */
const COMMANDS = {
  user: () => import("./commands/user"),
  bank: () => import("./commands/bank"),
  import: () => import("./commands/import"),
  categorize: () => import("./commands/categorize"),
  telegram: () => import("./commands/telegram"),
  ask: () => import("./commands/ask"),
} satisfies Record<string, () => Promise<{ run(args: string[]): Promise<number> }>>;

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
  if (!load) {
    console.error(`usage: npm run -s cli -- <${Object.keys(COMMANDS).join("|")}> …`);
    return 2;
  }
  const command = await load();
  return command.run(args);
}

main().then(
  async (code) => {
    const { db } = await import("~/server/db");
    await db.$disconnect();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
