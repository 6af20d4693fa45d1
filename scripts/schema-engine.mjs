#!/usr/bin/env node
// Stands in for Prisma's native `schema-engine` binary, whose download is out of reach on an air-gapped
// machine. It speaks the CLI's newline-delimited JSON-RPC on stdin/stdout and forwards each request to
// the same engine compiled to WebAssembly (@prisma/schema-engine-wasm), which reaches SQLite through the
// better-sqlite3 driver adapter. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here.
import { readFileSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { CREATE_MIGRATION_HISTORY } from "../lib/db/migration-history.mjs";

const require = createRequire(import.meta.url);

/** @typedef {{ datamodels: string[]; datasource: { url?: string } | null; cli: string[] | null }} TArgs */
/** @typedef {import("@prisma/driver-adapter-utils").SqlDriverAdapter} TAdapter */
/** @typedef {import("@prisma/driver-adapter-utils").SqlQuery} TQuery */
/**
 * The wasm engine's methods are JSON-RPC methods by name; its bindings carry no types.
 * @typedef {{ [method: string]: (params: unknown) => Promise<unknown> } & { free(): void; version(params: unknown): unknown }} TEngine
 */
/** @typedef {{ code?: unknown; error_code?: unknown; message?: unknown; meta?: unknown; stack?: unknown; cause?: { message?: unknown } }} TErrorLike */

/**
 * @param {string[]} argv
 * @returns {TArgs}
 */
function parseArgs(argv) {
  /** @type {TArgs} */
  const args = { datamodels: [], datasource: null, cli: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--datamodels") args.datamodels.push(argv[++i] ?? "");
    else if (argv[i] === "--datasource") args.datasource = JSON.parse(argv[++i] ?? "null");
    else if (argv[i] === "cli") args.cli = argv.slice(i + 1);
  }
  return args;
}

/** @param {string} url */
function toFilePath(url) {
  return path.resolve(process.cwd(), url.replace(/^file:/, "").split("?")[0] ?? "");
}

/**
 * One-shot commands the CLI runs before starting a JSON-RPC session.
 * @param {string | undefined} command
 * @param {string} url
 */
function runOneShot(command, url) {
  const file = toFilePath(url);
  if (command === "can-connect-to-database") {
    if (existsSync(file)) return 0;
    const error = { error_code: "P1003", message: `Database ${path.basename(file)} does not exist at ${file}` };
    process.stderr.write(`schema-engine stand-in\n${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: error })}`);
    return 1;
  }
  if (command === "create-database") {
    new Database(file).close();
    return 0;
  }
  process.stderr.write(`schema-engine stand-in: unsupported command ${command}\n`);
  return 1;
}

// better-sqlite3's prepare() takes one statement; the engine sends multi-statement migration scripts
// through executeRaw on the shadow database. Such SQL goes through exec() instead.
/** @param {TAdapter} adapter */
function acceptScripts(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  /** @param {unknown} error */
  const isMultiStatement = (error) => {
    const e = /** @type {TErrorLike | undefined} */ (error);
    return /more than one statement/.test(String(e?.cause?.message ?? e?.message ?? ""));
  };
  /** @param {TQuery} query */
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!isMultiStatement(error) || query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  /** @param {TQuery} query */
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (!isMultiStatement(error) || query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return adapter;
}

/** @param {string} url */
function createFactory(url) {
  const inner = new PrismaBetterSqlite3({ url: `file:${toFilePath(url)}` });
  /** @type {TAdapter[]} */
  const open = [];
  /** @param {TAdapter} adapter */
  const track = async (adapter) => {
    open.push(adapter);
    return acceptScripts(adapter);
  };
  const factory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => track(await inner.connectToShadowDb()),
  };
  const closeAll = () => {
    for (const adapter of open.splice(0)) {
      try {
        /** @type {{ client?: { close?: () => void } }} */ (/** @type {unknown} */ (adapter)).client?.close?.();
      } catch {
        // already closed
      }
    }
  };
  return { factory, closeAll };
}

/** @returns {Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<TEngine> }; __wbg_set_wasm(exports: unknown): void }>} */
async function loadWasm() {
  const bindings = await import(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  /** @type {{ __wbindgen_start?: () => void }} */ (/** @type {unknown} */ (instance.exports)).__wbindgen_start?.();
  return bindings;
}

/** @param {unknown} raw */
function toRpcError(raw) {
  const error = /** @type {TErrorLike | undefined} */ (raw);
  const code = error?.code ?? error?.error_code;
  const message = String(error?.message ?? raw);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, error_code: typeof code === "string" ? code : undefined, meta: error?.meta ?? {} },
  };
}

/** @param {string} file */
function deleteDatabaseFiles(file) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

/** @param {TArgs} args */
async function serve(args) {
  const url = args.datasource?.url;
  if (!url) throw new Error("schema-engine stand-in: --datasource with a url is required");
  const bindings = await loadWasm();
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  let connection = createFactory(url);
  const start = () =>
    bindings.SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      () => {},
      bindMigrationAwareSqlAdapterFactory(
        /** @type {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} */ (connection.factory),
      ),
    );
  let engine = await start();

  /**
   * @param {string} method
   * @param {unknown} params
   */
  const invoke = (method, params) => {
    const run = engine[method];
    if (!run) throw new Error(`schema-engine stand-in: unknown method ${method}`);
    return run.call(engine, params);
  };
  /**
   * @param {string} method
   * @param {{ migrationsList?: unknown; filters?: unknown }} params
   */
  const call = async (method, params) => {
    if (method === "reset") {
      // The wasm reset only deletes rows; like the native engine, remove the file instead.
      engine.free();
      connection.closeAll();
      deleteDatabaseFiles(toFilePath(url));
      connection = createFactory(url);
      engine = await start();
      return null;
    }
    if (method === "getDatabaseVersion") return engine.version(params);
    if (method === "diff") {
      // The wasm engine returns the script; the native one prints it through the CLI (a `print` request), which the CLI writes out.
      const result = /** @type {{ exitCode: number; stdout: string | null }} */ (await invoke(method, params));
      if (result.stdout)
        process.stdout.write(
          JSON.stringify({ jsonrpc: "2.0", id: `print-${Date.now()}`, method: "print", params: { content: result.stdout } }) + "\n",
        );
      return { ...result, stdout: null };
    }
    try {
      return await invoke(method, params);
    } catch (error) {
      const text = String(/** @type {TErrorLike | undefined} */ (error)?.message ?? "");
      if (/_prisma_migrations/.test(text) && /does not exist/.test(text)) {
        // A fresh database: the native engine treats a missing history table as "not initialised".
        await connection.factory.connect().then((db) => db.executeScript(CREATE_MIGRATION_HISTORY));
        return invoke(method, params);
      }
      if (method === "evaluateDataLoss" && /shadow DB must be provided/.test(text)) {
        await invoke("devDiagnostic", {
          migrationsList: params.migrationsList,
          filters: params.filters ?? { externalTables: [], externalEnums: [] },
        });
        return invoke(method, params);
      }
      throw error;
    }
  };

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (request.method === undefined) return; // a reply to a request of ours
    queue = queue.then(async () => {
      let reply;
      try {
        const result = await call(request.method, request.params);
        reply = { jsonrpc: "2.0", id: request.id, result: result ?? null };
      } catch (error) {
        reply = { jsonrpc: "2.0", id: request.id, error: toRpcError(error) };
      }
      process.stdout.write(JSON.stringify(reply) + "\n");
    });
  });
  // The CLI sends SIGTERM right after closing stdin: close SQLite at once, or a -journal file stays behind.
  const stop = () => {
    connection.closeAll();
    process.exit(0);
  };
  lines.on("close", stop);
  process.on("SIGTERM", stop);
}

const args = parseArgs(process.argv.slice(2));
if (args.cli) {
  process.exit(runOneShot(args.cli[0], args.datasource?.url ?? ""));
} else {
  serve(args).catch((error) => {
    process.stderr.write(
      `${JSON.stringify({ level: "ERROR", fields: { message: String(/** @type {TErrorLike} */ (error)?.stack ?? error) } })}\n`,
    );
    process.exit(1);
  });
}
