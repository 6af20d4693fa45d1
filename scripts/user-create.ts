// `npm run user:create -- --email E --role admin|editor [--name N] [--negotiation SLUG ...]`:
// creates an account. The password is read from standard input when it is piped in; otherwise a
// random one is generated and printed once. There is no public sign-up: this and the admins' page
// are the only ways in.
import { parseArgs } from "node:util";
import { createUser, generatePassword } from "@/lib/auth/accounts";
import { closeDb } from "@/lib/db/connection";
import { describeError, isAppError } from "@/lib/domain/errors";
import { migrateDatabase } from "@/lib/write/setup";
import { ROOT } from "@/scripts/paths";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "editor" },
    name: { type: "string" },
    negotiation: { type: "string", multiple: true, default: [] },
  },
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

try {
  if (!values.email) throw new Error("Name the user's email: npm run user:create -- --email someone@example.org --role admin");
  const piped = await readStdin();
  await migrateDatabase(ROOT);
  const password = piped || generatePassword();
  const user = await createUser({
    email: values.email,
    name: values.name ?? values.email.split("@")[0]!,
    role: values.role as "editor" | "admin",
    password,
    negotiations: values.negotiation,
  });
  console.log(`Created ${user.role} ${user.email} (${user.name}).`);
  if (!piped) console.log(`Password (shown once; keep it somewhere safe): ${password}`);
} catch (error) {
  console.error(isAppError(error) ? describeError(error) : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await closeDb();
}
