import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Prisma's native schema engine (migrate/db push) is downloaded from
// binaries.prisma.sh, which is unreachable here. Use the Wasm-based stand-in in
// scripts/prisma-engine instead, unless the caller provides an engine binary.
// The CLI loads this file before it looks for (or tries to download) the engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./scripts/prisma-engine/schema-engine.mjs', import.meta.url),
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Relative to the project root, for the CLI and for the runtime adapter alike.
  datasource: { url: process.env.DATABASE_URL ?? 'file:./.data/handoff.db' },
});
