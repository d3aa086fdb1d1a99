#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary (SQLite and PostgreSQL).
//
// The Prisma 7 CLI downloads that binary from binaries.prisma.sh, which this
// machine cannot reach. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here
// instead. We speak the binary's protocol (see prisma-engines schema-engine/cli):
//   schema-engine --version                          -> "schema-engine-cli <hash>"
//   schema-engine --datasource <json> cli <command>  -> one-shot, errors as JSON logs on stderr
//   schema-engine [--datamodels <file>]... --datasource <json>
//       -> line-delimited JSON-RPC 2.0 on stdin/stdout, JSON logs on stderr
// and run every RPC method on @prisma/schema-engine-wasm (same engine, same
// version) through Prisma's driver adapters: @prisma/adapter-better-sqlite3 for `file:` URLs,
// @prisma/adapter-pg for `postgresql://` ones.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// ---- arguments --------------------------------------------------------------
const argv = process.argv.slice(2);
const datamodelPaths = [];
let datasource = {};
let cliCommand = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--version' || a === '-V' || a === 'version') {
    const { version } = await loadWasm();
    process.stdout.write(`schema-engine-cli ${version()}\n`);
    process.exit(0);
  } else if (a === '--datamodels' || a === '-d') datamodelPaths.push(argv[++i]);
  else if (a === '--datasource') datasource = JSON.parse(argv[++i]);
  else if (a === 'cli') cliCommand = argv[++i];
  else if (a === '--enabled-preview-features' || a === '--extension-types') i++; // not supported by the Wasm engine
}

// ---- logging: the CLI parses stderr as JSON lines (tracing-subscriber format) --
function log(level, fields, target = 'schema_engine') {
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target }) + '\n');
}

const isPostgres = (url) => /^postgres(ql)?:\/\//.test(url ?? '');

// ---- SQLite URL handling, same rules as the native engine --------------------
// `file:./x.db` is relative to the engine's cwd, which the CLI sets to the
// directory of prisma.config.ts (the project root), like the runtime adapter.
function sqlitePath(url) {
  if (!url) fail('P1012', 'The datasource URL is empty: set datasource.url in prisma.config.ts.');
  if (!/^(file|sqlite):/.test(url)) fail('P1013', `This schema engine shim supports SQLite (file:...) and PostgreSQL (postgresql://...) URLs, got: ${url.split(':')[0]}:...`);
  const p = url.replace(/^(file|sqlite):(\/\/)?/, '').replace(/\?.*$/, '');
  return p === ':memory:' ? p : path.resolve(p);
}
function fail(code, message) {
  throw Object.assign(new Error(message), { code });
}
function createDatabase(url) {
  const file = sqlitePath(url);
  if (file !== ':memory:' && !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true }); // native engine does this too
    fs.closeSync(fs.openSync(file, 'a')); // an empty file is a valid empty SQLite database
  }
  return { databaseName: path.basename(file) };
}
function ensureDatabaseExists(url) {
  const file = sqlitePath(url);
  if (file !== ':memory:' && !fs.existsSync(file)) fail('P1003', `Database \`${path.basename(file)}\` does not exist at \`${file}\``);
}

// ---- Wasm engine ------------------------------------------------------------
async function loadWasm() {
  // The package's entry does `import ... from "./schema_engine_bg.wasm"`, which Node 20
  // only supports behind --experimental-wasm-modules, so instantiate it by hand.
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = await import(gluePath);
  const module = new WebAssembly.Module(fs.readFileSync(gluePath.replace(/\.js$/, '.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

let panicMessage = null; // Rust panics reach JS as "RuntimeError: unreachable"; the hook gives the reason.
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => (panicMessage = m) };

let mainConnection; // raw better-sqlite3 adapter of the main database, used by reset()
let migrationsTableMissing = false;
const connections = [];
const q = (sql) => ({ sql, args: [], argTypes: [] });

// Work around two gaps of the Wasm SQLite connector, at the driver-adapter level.
function patchConnection(conn) {
  connections.push(conn);
  const { executeRaw, queryRaw } = conn;
  // The engine replays migration scripts into the shadow database (and runs
  // `db execute`) with executeRaw, i.e. a single prepared statement; better-sqlite3
  // rejects multi-statement SQL there, so run those as a script.
  conn.executeRaw = async function (query) {
    try {
      return await executeRaw.call(this, query);
    } catch (e) {
      if (query.args.length || !/more than one statement|cannot insert multiple commands/.test(e.message)) throw e;
      await this.executeScript(query.sql);
      return 0;
    }
  };
  // A missing _prisma_migrations table comes back as P1014 instead of "not
  // initialized". Report it as empty, like the native engine: applyMigrations
  // still creates it (or refuses a non-empty database with P3005) on its own.
  conn.queryRaw = async function (query) {
    try {
      return await queryRaw.call(this, query);
    } catch (e) {
      if (e.cause?.kind !== 'TableDoesNotExist' || e.cause.table !== '_prisma_migrations') throw e;
      migrationsTableMissing = true;
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return conn;
}

async function createEngine(firstRequest) {
  const glue = await loadWasm();
  const { bindMigrationAwareSqlAdapterFactory } = await import(require.resolve('@prisma/driver-adapter-utils'));
  const factory = isPostgres(datasource.url) ? await postgres.factory(datasource) : await sqliteFactory(firstRequest);

  const wrapped = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => (mainConnection = patchConnection(await factory.connect())),
    connectToShadowDb: async () => patchConnection(await factory.connectToShadowDb()),
  });
  const datamodels = datamodelPaths.length ? datamodelPaths.map((p) => [p, fs.readFileSync(p, 'utf8')]) : undefined;
  const onLog = (line) => process.stderr.write(line.trimEnd() + '\n'); // already tracing JSON
  return glue.SchemaEngine.new({ datamodels }, onLog, wrapped);
}

async function sqliteFactory({ method, params }) {
  const { PrismaBetterSqlite3 } = await import(require.resolve('@prisma/adapter-better-sqlite3'));
  // The Wasm engine always opens the main database. `migrate diff` between
  // schemas/migrations does not need it (and it may not exist yet): use memory.
  const usesDb = (t) => t?.tag === 'url' || t?.tag === 'schemaDatasource';
  const file = method === 'diff' && !usesDb(params?.from) && !usesDb(params?.to) ? ':memory:' : sqlitePath(datasource.url);
  const shadow = datasource.shadowDatabaseUrl ? sqlitePath(datasource.shadowDatabaseUrl) : undefined;
  return new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: shadow });
}

// ---- PostgreSQL ----------------------------------------------------------------
const postgres = {
  async pg() {
    return (await import(require.resolve('pg'))).default;
  },
  /** The same server and options, another database (the URL keeps its sslmode and the rest). */
  withDatabase(url, database) {
    const u = new URL(url);
    u.pathname = `/${encodeURIComponent(database)}`;
    return u.toString();
  },
  databaseOf(url) {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  },
  async query(url, sql, params = []) {
    const { Client } = await postgres.pg();
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  },
  async canConnect(url) {
    await postgres.query(url, 'SELECT 1').catch((e) => fail(e.code === '3D000' ? 'P1003' : 'P1001', e.message));
  },
  async createDatabase(url) {
    const name = postgres.databaseOf(url);
    const maintenance = postgres.withDatabase(url, 'postgres');
    const { rowCount } = await postgres.query(maintenance, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await postgres.query(maintenance, `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return { databaseName: name };
  },
  async factory(source) {
    const { PrismaPg } = await import(require.resolve('@prisma/adapter-pg'));
    const factory = new PrismaPg({ connectionString: source.url });
    const connect = factory.connect.bind(factory);
    factory.connect = async () => postgres.patch(await connect());
    // The adapter's own shadow database keeps the main URL's database name (a connection string
    // wins over the `database` field) and is dropped while its pool is still connected.
    factory.connectToShadowDb = async () => {
      if (source.shadowDatabaseUrl) return postgres.patch(await new PrismaPg({ connectionString: source.shadowDatabaseUrl }).connect());
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await postgres.query(source.url, `CREATE DATABASE "${name}"`);
      const shadow = postgres.patch(await new PrismaPg({ connectionString: postgres.withDatabase(source.url, name) }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await postgres.query(source.url, `DROP DATABASE IF EXISTS "${name}"`);
      };
      return shadow;
    };
    return factory;
  },
  // The engine reads catalog columns of type "char" (pg_class.relkind and the like), which the
  // adapter cannot type: read them as text. Scripts go to the server whole (the adapter splits
  // them on every ';', which breaks on a ';' inside a string or a comment).
  patch(queryable) {
    const performIO = queryable.performIO.bind(queryable);
    queryable.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    if (queryable.startTransaction) {
      const startTransaction = queryable.startTransaction.bind(queryable);
      queryable.startTransaction = async (...args) => postgres.patch(await startTransaction(...args));
    }
    if (queryable.executeScript) {
      queryable.executeScript = async (script) => {
        try {
          await queryable.client.query(script);
        } catch (error) {
          queryable.onError(error);
        }
      };
    }
    return queryable;
  },
};

// The Wasm reset only DELETEs rows; the native engine leaves an empty database.
async function resetDatabase(input) {
  if (isPostgres(datasource.url)) {
    await mainConnection.executeScript('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    return {};
  }
  const external = new Set(input?.filter?.externalTables ?? []);
  const { rows } = await mainConnection.queryRaw(q("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"));
  const drops = rows.filter(([, name]) => !external.has(name)).map(([type, name]) => `DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}";`);
  await mainConnection.executeScript(['PRAGMA foreign_keys = OFF;', ...drops, 'PRAGMA foreign_keys = ON;'].join('\n'));
  return {};
}

// ---- JSON-RPC over stdio ------------------------------------------------------
const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n');

// Engine -> CLI requests (only `print`, used to show `migrate diff` output).
let nextId = 0;
const pending = new Map();
function callCli(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}

let enginePromise;
async function handle({ method, params }) {
  if (panicMessage) throw new Error(panicMessage); // see rpcError()
  if (method === 'createDatabase') {
    const url = params?.datasource?.url ?? datasource.url;
    return isPostgres(url) ? postgres.createDatabase(url) : createDatabase(url);
  }
  enginePromise ??= createEngine({ method, params });
  const engine = await enginePromise;
  switch (method) {
    case 'reset':
      return resetDatabase(params);
    case 'diagnoseMigrationHistory': {
      migrationsTableMissing = false; // `migrate status` uses this flag (see patchConnection)
      const result = await engine.diagnoseMigrationHistory(params);
      return { ...result, hasMigrationsTable: result.hasMigrationsTable && !migrationsTableMissing };
    }
    case 'getDatabaseVersion':
      return engine.version(params);
    case 'diff': {
      // Wasm returns the script; the native engine prints it through the CLI.
      const { stdout, ...rest } = await engine.diff(params);
      if (stdout) await callCli('print', { content: stdout.replace(/\n$/, '') });
      return rest;
    }
    default:
      if (typeof engine[method] !== 'function' || method === 'free' || method.startsWith('__'))
        throw Object.assign(new Error(`Method not supported by the Wasm schema engine: ${method}`), { rpcCode: -32601 });
      return engine[method](params); // must stay a method call (wasm-bindgen `this`)
  }
}

// Same error shape as schema-core's render_jsonrpc_error, so the CLI prints its usual messages.
function rpcError(e) {
  if (panicMessage || e instanceof WebAssembly.RuntimeError) {
    // The Wasm instance is unusable after a panic; every later call fails the same way.
    // (The native binary exits 101 instead, but the CLI can then miss the error
    // while stopping the engine and exit 0; an RPC error always surfaces.)
    panicMessage ??= String(e);
    const message = `Error in Schema engine.\nReason: ${panicMessage}`;
    log('ERROR', { is_panic: true, message: panicMessage });
    return { code: 4466, message, data: { is_panic: true, message, backtrace: e?.stack } };
  }
  let message = e?.message ?? String(e);
  // The Wasm connector drops the native P3018 wrapper around a failing migration
  // script (`migrate deploy`/`reset`); rebuild it from the error's span trace.
  const failed = !e?.code && /apply_script\n\s+with migration_name="([^"]+)"/.exec(message);
  if (failed) {
    e.code = 'P3018';
    message = `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${failed[1]}\n\nDatabase error:\n${message.split(/\n\s+0: /)[0]}\n`;
  }
  const data = e?.code ? { is_panic: false, message, meta: e.meta ?? {}, error_code: e.code } : { is_panic: false, message, backtrace: null };
  return { code: e?.rpcCode ?? 4466, message: 'An error happened. Check the data field for details.', data };
}

// ---- one-shot mode: `cli can-connect-to-database | create-database`
if (cliCommand) {
  // The CLI drops the first stderr line and reads ERROR lines from target schema_engine::logger.
  log('INFO', { message: 'Starting schema engine CLI' }, 'schema_engine');
  try {
    if (cliCommand === 'can-connect-to-database') await (isPostgres(datasource.url) ? postgres.canConnect(datasource.url) : ensureDatabaseExists(datasource.url));
    else if (cliCommand === 'create-database') await (isPostgres(datasource.url) ? postgres.createDatabase(datasource.url) : createDatabase(datasource.url));
    else fail('', `Unknown cli subcommand: ${cliCommand}`);
    log('INFO', { message: 'OK' }, 'schema_engine::commands');
    process.exit(0);
  } catch (e) {
    log('ERROR', { is_panic: false, error_code: e.code ?? '', message: e.message }, 'schema_engine::logger');
    process.exit(1);
  }
}

log('INFO', { message: 'Starting schema engine RPC server (Wasm shim)' });
let queue = Promise.resolve(); // the Wasm engine is `&mut self`: one request at a time
readline
  .createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on('line', (line) => {
    if (!line.trim()) return;
    const msg = JSON.parse(line);
    if (msg.method === undefined) return (pending.get(msg.id)?.(msg.result), pending.delete(msg.id));
    queue = queue.then(async () => {
      try {
        send({ id: msg.id, result: (await handle(msg)) ?? {} });
      } catch (e) {
        send({ id: msg.id, error: rpcError(e) });
      }
    });
  })
  .on('close', () => queue.then(() => exit()));

// The CLI closes stdin and then sends SIGTERM right away. Close the databases
// first: the engine holds SQLite in exclusive locking mode, which otherwise
// leaves a (zeroed) `-journal` file next to the database.
function exit(code = process.exitCode ?? 0) {
  for (const c of connections.splice(0)) c.dispose().catch(() => {});
  process.exit(code);
}
process.on('SIGTERM', () => exit()).on('SIGINT', () => exit(130));
