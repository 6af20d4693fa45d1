import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { betterAuth } from "better-auth/minimal";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getDatabaseFile, getPrisma } from "./db";
import { checkDisplayName } from "./display-name";
import { checkPassword, PASSWORD_LENGTH } from "./password-policy";
import { configuredOrigin } from "./public-origin";
import {
  clearSignInFailures,
  countSignInFailures,
  isAccountDisabled,
  isDisplayNameTaken,
  onPasswordChanged,
  recordSignInFailure,
  SIGN_IN_FAILURES_PER_ACCOUNT,
} from "./queries/accounts";

import { CLIENT_ADDRESS_HEADER, ROLES } from "./auth-constants";

export { ROLES, type TRole } from "./auth-constants";

/** How many sign-in attempts one address may make per minute (AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE; 10 by default). */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = Math.max(1, Number(process.env.AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE) || 10);

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET, or else a random one kept beside the
 * database file (created on first use, readable by this user only), so that a fresh clone works
 * without configuration and no secret is ever committed.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = `${getDatabaseFile()}-auth-secret`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  return readFileSync(file, "utf8").trim();
}

/** A display name set through Better Auth (sign-up is off; `/update-user` is on): checked as every other path checks it. */
function checkNameOrThrow(name: unknown, userId: string | null): void {
  const problem =
    checkDisplayName(name) ?? (isDisplayNameTaken(String(name), userId) ? "Another user already has this display name." : null);
  if (problem) throw new APIError("BAD_REQUEST", { message: problem });
}

/** Before an endpoint runs: the per-account sign-in limit, the password rules, display names. */
const before = createAuthMiddleware(async (ctx) => {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (ctx.path === "/sign-in/email" && typeof body.email === "string" && countSignInFailures(body.email) >= SIGN_IN_FAILURES_PER_ACCOUNT)
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
    if (isAPIError(returned) && returned.statusCode === 401) recordSignInFailure(body.email);
    else if (!isAPIError(returned)) clearSignInFailures(body.email);
  }
  if (ctx.path === "/change-password" && !isAPIError(returned)) {
    const userId = (returned as { user?: { id?: string } } | undefined)?.user?.id;
    if (userId) onPasswordChanged(userId);
  }
});

function createAuth() {
  return betterAuth({
    appName: "Negotiation positions",
    secret: authSecret(),
    // A deployment names its public address; otherwise the host the request came to, on this machine only.
    baseURL: configuredOrigin() ?? { allowedHosts: ["localhost:*", "127.0.0.1:*", "[::1]:*", "localhost", "127.0.0.1", "[::1]"] },
    database: prismaAdapter(getPrisma(), { provider: "sqlite" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
    },
    user: {
      additionalFields: {
        role: { type: [...ROLES], required: true, defaultValue: "editor", input: false },
        mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: false },
        disabledAt: { type: "string", required: false, input: false },
      },
    },
    databaseHooks: {
      user: {
        create: { before: async (user) => void checkNameOrThrow(user.name, null) },
        update: {
          before: async (data, context) => {
            const userId = context?.context.session?.user.id ?? null;
            if ("name" in data) checkNameOrThrow(data.name, userId);
          },
        },
      },
      // A disabled account gets no new session, whatever its password.
      session: {
        create: {
          before: async (session) => {
            if (isAccountDisabled(session.userId)) throw new APIError("FORBIDDEN", { message: "This account is disabled." });
          },
        },
      },
    },
    hooks: { before, after },
    // Sessions last a week and are renewed once a day while used.
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
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
  });
}

const globalForAuth = globalThis as unknown as { auth?: ReturnType<typeof createAuth> };

/** The process's one Better Auth instance, on the one PrismaClient. */
export function getAuth(): ReturnType<typeof createAuth> {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}
