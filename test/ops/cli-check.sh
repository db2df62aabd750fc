#!/usr/bin/env bash
# The operator CLIs say what they did: admin:create refuses a database without our schema
# (it used to migrate it silently), and migration:revert says when there was nothing to revert.
# Uses the built dist/ (ops-checks builds it first) and throwaway SQLite files.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$OPS_ROOT" || exit 1

cli() { # sqlite-file command...
  local db=$1
  shift
  env -i PATH="$PATH" HOME="$HOME" NODE_ENV=test DATABASE_URL="sqlite:$db" DATA_DIR="$OPS_TMP" LOG_LEVEL=warn \
    timeout 60 node "$@" 2>&1
}
# Tables besides TypeORM's own bookkeeping (showMigrations creates the empty ledger).
tables() { node -e 'const D=require("better-sqlite3");const d=new D(process.argv[1]);
  console.log(d.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = ? AND name NOT IN (?, ?)")
    .get("table", "migrations", "sqlite_sequence").n)' "$1"; }

empty=$OPS_TMP/empty.sqlite
out=$(cli "$empty" dist/apps/api/src/cli/admin-create.js --username ops --password 'long-enough-1')
rc=$?
note "admin-create on an empty database: exit $rc: $out"
if [ $rc -ne 0 ] && grep -q 'pending migrations' <<<"$out" && [ "$(tables "$empty")" = 0 ]; then
  echo "CHECK PASS admin-create-refuses-unmigrated-database"
else
  echo "CHECK FAIL admin-create-refuses-unmigrated-database"
fi

db=$OPS_TMP/shop.sqlite
cli "$db" dist/apps/api/src/database/cli.js run >/dev/null
created=$(cli "$db" dist/apps/api/src/cli/admin-create.js --username ops --password 'long-enough-1')
count=$(node -e 'console.log(require("./dist/apps/api/src/database/migrations/index.js").MIGRATIONS.length)')
revert_ok=1
for _ in $(seq 1 "$count"); do
  out=$(cli "$db" dist/apps/api/src/database/cli.js revert)
  grep -q '^Reverted: ' <<<"$out" || { note "revert said: $out"; revert_ok=0; }
done
out=$(cli "$db" dist/apps/api/src/database/cli.js revert)
note "after $count reverts: $created | $out"
if [ "$revert_ok" = 1 ] && grep -q 'created' <<<"$created" && grep -q '^Nothing to revert' <<<"$out"; then
  echo "CHECK PASS migration-revert-says-what-it-did"
else
  echo "CHECK FAIL migration-revert-says-what-it-did"
fi
