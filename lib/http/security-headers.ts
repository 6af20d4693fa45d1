// The headers every response of the production server carries. Scripts run only from this origin
// or with the request's nonce (never inline without it); nothing may frame a page except the
// embeddable charts; no powerful browser feature is available to any page.
import { randomBytes } from "node:crypto";

export const PERMISSIONS_POLICY =
  "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

/** A fresh nonce for one response: 128 random bits. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** Whether a path is an embed, the only pages another site may frame. */
export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith("/embed/");
}

/**
 * The Content-Security-Policy of one response. Styles allow inline attributes (the charts position
 * their marks with them); scripts do not.
 */
export function contentSecurityPolicy(nonce: string, options: { embed: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.embed ? "http: https:" : "'none'"}`,
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every security header of one response. */
export function securityHeaders(options: { nonce: string; pathname: string; https: boolean }): Record<string, string> {
  const embed = isEmbedPath(options.pathname);
  return {
    "Content-Security-Policy": contentSecurityPolicy(options.nonce, { embed, https: options.https }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(embed ? {} : { "X-Frame-Options": "DENY" }),
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
