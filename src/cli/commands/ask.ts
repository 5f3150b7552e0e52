/**
 * `npm run -s cli -- ask --user EMAIL [--json] [--offline] "QUESTION"` answers a question about
 * that user's money, as the chat would. With --json it prints one line:
 * `{"answer":"…","data":{…}}`, amounts as decimal strings. --offline skips the LLM even when one
 * is configured.
 */
import { parseArgs } from "node:util";
import { answerQuestion } from "~/server/chat/answer-question";
import { db } from "~/server/db";

const USAGE = 'usage: npm run -s cli -- ask --user EMAIL [--json] [--offline] "QUESTION"';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { user: { type: "string" }, json: { type: "boolean" }, offline: { type: "boolean" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const question = positionals.join(" ").trim();
  if (!values.user || !question) {
    console.error(USAGE);
    return 2;
  }
  const user = await db.user.findFirst({
    where: { email: { equals: values.user.trim(), mode: "insensitive" }, deletedAt: null },
    select: { id: true },
  });
  if (!user) {
    console.error(`No user with email ${values.user}`);
    return 1;
  }
  const result = await answerQuestion(db, user.id, question, { engine: values.offline ? "offline" : "auto" });
  console.log(values.json ? JSON.stringify(result) : result.answer);
  return 0;
}
