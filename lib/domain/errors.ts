// The one error type of the app: a code that says what went wrong, in words a user can act on.
// lib/http/errors.ts maps each code to an HTTP status in one place; pages show the message.

export const ERROR_CODES = [
  "invalid", // what was sent breaks a rule (each problem listed)
  "unauthenticated", // no account, or an unknown or expired token
  "forbidden", // an account without the rights it needs
  "not_found", // no such negotiation, issue, party or record
  "exists", // a slug or an email already taken
  "stale", // a change started from a state that is no longer the latest
  "precondition_required", // a change that did not say which state it starts from
  "too_large", // a body or a file over its limit
  "unsupported_media", // a body in a format the route does not take
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

/** One problem of an invalid input: where (a path such as `sources[0].url`) and what. */
export type TProblem = { path: string; message: string };

export class AppError<TDetail = unknown> extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    /** Every problem, for `invalid`. */
    readonly problems: TProblem[] = [],
    /** What the caller needs to answer well (for `stale`: the state now). */
    readonly detail?: TDetail,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Whether an error is an AppError with this code. */
export function isAppError(error: unknown, code?: TErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** An invalid input: every problem at once. */
export function invalid(problems: TProblem[], what = "The input"): AppError {
  return new AppError("invalid", `${what} is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, problems);
}

/** A zod issue path as text: `sources[0].url`, or `(body)` for the whole. */
export function pathText(path: readonly PropertyKey[], whole = "(body)"): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`)).join("") || whole;
}

/** An error in one line for a page's notice: each problem, or the message when it has none. */
export function describeError(error: AppError): string {
  return error.problems.length > 0 ? error.problems.map((p) => `${p.path}: ${p.message}`).join("; ") : error.message;
}
