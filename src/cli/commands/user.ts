import { parseArgs } from "node:util";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { createUser } from "~/server/user/create-user";

const USAGE = "usage: npm run -s cli -- user create --email E --password P [--name N]";

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== "create") {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email || !values.password) {
    console.error(USAGE);
    return 2;
  }
  try {
    const user = await createUser(db, { email: values.email, password: values.password, fullName: values.name });
    console.log(JSON.stringify(user));
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    if (error && typeof error === "object" && "issues" in error) {
      console.error(
        (error as { issues: { path: unknown[]; message: string }[] }).issues
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("\n"),
      );
      return 2;
    }
    throw error;
  }
}
