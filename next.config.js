/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server for deployments (scripts/standalone.ts adds the entry, the static files and the migrations).
  output: "standalone",
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run typecheck` checks the whole project (tests and scripts too) in CI; the build skips a second pass.
  typescript: { ignoreBuildErrors: true, tsconfigPath: process.env.NEXT_TSCONFIG ?? "tsconfig.json" },
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // An import uploads a file of up to 2 MB (checked with a plain message); a request past 3 MB is cut off.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // The production server (scripts/server.ts) sets the security headers, with a nonce per request.
};

export default nextConfig;
