import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { getAuthDb, getDatabaseFile, getDb, getEngine } from "../db/connection";
import { configuredOrigin } from "../params/origin";
import { isAccountDisabled, isDisplayNameTaken, onPasswordChanged } from "./accounts";
import { checkDisplayName } from "./display-name";
import { checkPassword, PASSWORD_LENGTH } from "./password-policy";
import { clearSignInFailures, countSignInFailures, recordSignInFailure, SIGN_IN_FAILURES_PER_ACCOUNT } from "./sign-in-limits";
import { CLIENT_ADDRESS_HEADER, ROLES } from "./constants";

export { ROLES, type TRole } from "./constants";

// Better Auth keeps its users, sessions and accounts in the app's own database, through the app's
// own Kysely instance (its Kysely adapter), on either engine: one connection pool per process, and
// no second client at run time.

/** How many sign-in attempts one address may make per minute (AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE; 10 by default). */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = Math.max(1, Number(process.env.AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE) || 10);

/** Stops a PostgreSQL deployment that has no BETTER_AUTH_SECRET, with a message that names it (the set-up calls it before serving). */
export function checkAuthSecret(): void {
  if (getEngine() === "postgres" && !process.env.BETTER_AUTH_SECRET)
    throw new Error(
      "BETTER_AUTH_SECRET is not set. On PostgreSQL every app instance must sign sessions with the same secret: set BETTER_AUTH_SECRET to a long random text (for example the output of `openssl rand -base64 32`).",
    );
}

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET. On SQLite, without it, a random one
 * is kept beside the database file (created on first use, readable by this user only), so that a
 * fresh clone works without configuration and no secret is ever committed. On PostgreSQL several
 * instances must share one secret, so it is required.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  checkAuthSecret();
  const file = `${getDatabaseFile()}-auth-secret`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  return readFileSync(file, "utf8").trim();
}

/** A display name set through Better Auth (`/update-user`, and the sign-up of `createUser`): checked as every other path checks it. */
async function checkNameOrThrow(name: unknown, userId: string | null): Promise<void> {
  const problem =
    checkDisplayName(name) ??
    ((await isDisplayNameTaken(getDb(), String(name), userId)) ? "Another user already has this display name." : null);
  if (problem) throw new APIError("BAD_REQUEST", { message: problem });
}

/** Before an endpoint runs: the per-account sign-in limit, the password rules, display names. */
const before = createAuthMiddleware(async (ctx) => {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (
    ctx.path === "/sign-in/email" &&
    typeof body.email === "string" &&
    (await countSignInFailures(body.email)) >= SIGN_IN_FAILURES_PER_ACCOUNT
  )
    throw new APIError("TOO_MANY_REQUESTS", { message: "Too many failed sign-ins for this account; try again in a quarter of an hour." });
  if ((ctx.path === "/change-password" || ctx.path === "/reset-password") && typeof body.newPassword === "string") {
    const problem = checkPassword(body.newPassword);
    if (problem) throw new APIError("BAD_REQUEST", { message: problem });
  }
});

/** After an endpoint ran: count a failed sign-in against its account; after a password change, revoke tokens. */
const after = createAuthMiddleware(async (ctx) => {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const returned = ctx.context.returned;
  if (ctx.path === "/sign-in/email" && typeof body.email === "string") {
    if (isAPIError(returned) && returned.statusCode === 401) await recordSignInFailure(body.email);
    else if (!isAPIError(returned)) await clearSignInFailures(body.email);
  }
  if (ctx.path === "/change-password" && !isAPIError(returned)) {
    const userId = (returned as { user?: { id?: string } } | undefined)?.user?.id;
    if (userId) await onPasswordChanged(userId);
  }
});

/** The options of both instances; `signUp` only for the server-side one that creates users (never mounted on HTTP). */
function options(signUp: boolean) {
  return {
    appName: "Negotiation positions",
    secret: authSecret(),
    // A deployment names its public address; otherwise the host the request came to, on this machine only.
    // (The sign-up instance answers no request: its calls are the server's own, with no host to read.)
    baseURL:
      configuredOrigin() ??
      (signUp ? "http://localhost" : { allowedHosts: ["localhost:*", "127.0.0.1:*", "[::1]:*", "localhost", "127.0.0.1", "[::1]"] }),
    database: { db: getAuthDb(), type: getEngine() === "postgres" ? "postgres" : "sqlite" },
    // The tables as prisma/schema.prisma names them.
    user: {
      modelName: "User",
      additionalFields: {
        role: { type: [...ROLES], required: true, defaultValue: "editor", input: signUp },
        mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: signUp },
        disabledAt: { type: "string", required: false, input: false },
      },
    },
    session: { modelName: "Session", expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    account: { modelName: "Account" },
    verification: { modelName: "Verification" },
    emailAndPassword: {
      enabled: true,
      // Nobody signs themselves up: administrators create users (lib/auth/accounts.ts).
      disableSignUp: !signUp,
      autoSignIn: false,
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
    },
    databaseHooks: {
      user: {
        create: { before: async (user) => void (await checkNameOrThrow(user.name, null)) },
        update: {
          before: async (data, context) => {
            const userId = context?.context.session?.user.id ?? null;
            if ("name" in data) await checkNameOrThrow(data.name, userId);
          },
        },
      },
      // A disabled account gets no new session, whatever its password.
      session: {
        create: {
          before: async (session) => {
            if (await isAccountDisabled(session.userId)) throw new APIError("FORBIDDEN", { message: "This account is disabled." });
          },
        },
      },
    },
    hooks: { before, after },
    // Counted in the database, so that every instance shares the count.
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "RateLimit",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    // Secure cookies always (browsers accept them over plain HTTP on localhost), unless a deployment names a plain-HTTP address.
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: !configuredOrigin()?.startsWith("http://"),
    },
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;
}

const createAuth = () => betterAuth(options(false));
const createSignUpAuth = () => betterAuth(options(true));

type TProcessAuth = { auth?: ReturnType<typeof createAuth>; signUpAuth?: ReturnType<typeof createSignUpAuth> };
const globalForAuth = ((globalThis as unknown as { __negotiationAuth?: TProcessAuth }).__negotiationAuth ??= {});

/** The process's Better Auth instance, as /api/auth serves it (sign-up off). */
export function getAuth(): ReturnType<typeof createAuth> {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}

/** A server-side instance with sign-up on, for `createUser` only: its public API creates a user with a password. */
export function getSignUpAuth(): ReturnType<typeof createSignUpAuth> {
  globalForAuth.signUpAuth ??= createSignUpAuth();
  return globalForAuth.signUpAuth;
}
