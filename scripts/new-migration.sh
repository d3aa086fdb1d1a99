#!/usr/bin/env bash
# npm run db:migration -- NAME: after a change to prisma/schema.prisma, writes the migration for
# each database (prisma/migrations for SQLite, prisma/postgresql/migrations for PostgreSQL), the
# PostgreSQL one against a throwaway cluster (scripts/postgres.sh), then remakes both clients.
# Read both before committing: SQLite often rebuilds a table where PostgreSQL alters it.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run db:migration -- NAME (letters, digits, _)}"
[[ $name =~ ^[A-Za-z0-9_]+$ ]] || { echo "NAME: letters, digits and _ only" >&2; exit 2; }
source scripts/use-node.sh
work="$PWD/.data/migration" port="${MIGRATION_PG_PORT:-5498}"

echo "== SQLite (a scratch copy of the migrations' database)"
rm -rf "$work" && mkdir -p "$work"
DATABASE_URL="file:$work/sqlite.db" npx prisma migrate deploy >/dev/null
# A diff, not `migrate dev --create-only`: that one stops (non-interactive) on the drops of FTS5's
# shadow tables it would make, which fix-sqlite-migration.mjs removes anyway.
latest="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$latest"
DATABASE_URL="file:$work/sqlite.db" npx prisma migrate diff --from-config-datasource --to-schema prisma/schema.prisma --script >"$latest/migration.sql"
node scripts/fix-sqlite-migration.mjs "$latest/migration.sql"

echo "== PostgreSQL (a throwaway cluster on 127.0.0.1:$port)"
trap 'bash scripts/postgres.sh stop "$work/pg" >/dev/null 2>&1 || true' EXIT
bash scripts/postgres.sh start "$work/pg" "$port"
DATABASE_URL="$(bash scripts/postgres.sh url "$port")" npx prisma migrate deploy >/dev/null
DATABASE_URL="$(bash scripts/postgres.sh url "$port")" npx prisma migrate dev --create-only --name "$name"

npm run --silent db:generate
