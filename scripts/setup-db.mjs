#!/usr/bin/env node
// Prepares the database before the server starts: an absent file is created, migrated and seeded;
// an existing one is only migrated (never wiped). DATABASE_URL picks the file (default prisma/dev.db).
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.DATABASE_URL?.trim() || "file:./prisma/dev.db";
if (!url.startsWith("file:")) {
  console.error("DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db");
  process.exit(1);
}
const file = path.resolve(process.cwd(), url.slice("file:".length).split("?")[0]);
const isNew = !existsSync(file);
const bin = path.join(root, "node_modules", ".bin");
const env = {
  ...process.env,
  DATABASE_URL: `file:${file}`,
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

function run(args) {
  const result = spawnSync(path.join(bin, "prisma"), args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function countNegotiations() {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) AS n FROM "Negotiation"').get().n;
  } finally {
    db.close();
  }
}

run(["migrate", "deploy"]);
// Seed a new file, and one whose first seeding was interrupted (migrated but still empty).
const isEmpty = countNegotiations() === 0;
if (isEmpty) run(["db", "seed"]);
console.log(`Database ready: ${file}${isNew ? " (created)" : ""}${isEmpty ? " (seeded)" : " (migrated, data kept)"}`);
