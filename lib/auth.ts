import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { betterAuth } from "better-auth/minimal";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getDatabaseFile, getPrisma } from "./db";

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

function createAuth() {
  return betterAuth({
    appName: "Negotiation positions",
    secret: authSecret(),
    // A deployment names its public address; otherwise the host the request came to, on this machine only.
    baseURL: process.env.BETTER_AUTH_URL ?? { allowedHosts: ["localhost:*", "127.0.0.1:*", "localhost", "127.0.0.1"] },
    database: prismaAdapter(getPrisma(), { provider: "sqlite" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    user: { additionalFields: { role: { type: [...ROLES], required: true, defaultValue: "editor", input: false } } },
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
      useSecureCookies: !process.env.BETTER_AUTH_URL?.startsWith("http://"),
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
