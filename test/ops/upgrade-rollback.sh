#!/usr/bin/env bash
# The upgrade/rollback runbook (docs/运维手册.md §升级与回滚), exercised on MariaDB:
#   1. the previous release's migration CLI builds its schema, with data in it;
#   2. this version's `cli.js run` upgrades it; `show` is up to date, the data is still there;
#   3. this version's `cli.js revert`, once per migration the previous release did not have,
#      brings back exactly the previous schema (tables, columns, indexes), the data intact, and
#      the previous CLI sees nothing pending;
#   4. `cli.js run` upgrades again.
# The previous release: the newest tag v* if this clone has one; otherwise the baseline commit
# CHANGELOG.md names for the last release ("release-baseline: <sha>").
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$OPS_ROOT" || exit 1
NAME=upgrade-rollback-previous-release
ok=0
trap 'if [ $ok = 1 ]; then echo "CHECK PASS $NAME"; else echo "CHECK FAIL $NAME"; fi; ops_cleanup' EXIT

prev=$(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null) ||
  prev=$(sed -n 's/.*release-baseline: \([0-9a-f]\{7,40\}\).*/\1/p' CHANGELOG.md | head -1)
git cat-file -e "${prev:-none}^{commit}" 2>/dev/null || { note "previous release ${prev:-?} is not in this clone"; exit 1; }
note "previous release: $prev ($(git log -1 --format='%h %cs' "$prev"))"

# The previous release's CLI, built from its own sources with this checkout's node_modules.
OLD=$OPS_TMP/previous
mkdir -p "$OLD"
git archive "$prev" apps/api/src libs .swcrc package.json | tar -x -C "$OLD" || exit 1
ln -s "$OPS_ROOT/node_modules" "$OLD/node_modules"
(cd "$OLD" && timeout 180 npx swc apps/api/src libs -d dist --config-file .swcrc -q --ignore '**/*.spec.ts') >"$OPS_TMP/build.log" 2>&1 ||
  { note "building $prev failed: $(tail -3 "$OPS_TMP/build.log")"; exit 1; }

DB=sutwxapp_upgrade_$$
ops_create_db "$DB" || exit 1
URL=$(ops_db_url "$DB")
cli() { # dir command
  (cd "$1" && env -i PATH="$PATH" HOME="$HOME" NODE_ENV=test DATABASE_URL="$URL" LOG_LEVEL=warn DATA_DIR="$OPS_TMP" \
    timeout 120 node dist/apps/api/src/database/cli.js "$2" 2>&1)
}
schema() {
  ops_mysql -N -B -e "SELECT table_name, column_name, column_type, is_nullable, IFNULL(column_default, '-')
      FROM information_schema.columns WHERE table_schema = '$DB' ORDER BY table_name, ordinal_position;
    SELECT table_name, index_name, non_unique, seq_in_index, column_name FROM information_schema.statistics
      WHERE table_schema = '$DB' ORDER BY table_name, index_name, seq_in_index;"
}
applied() { ops_mysql -N -B -e "SELECT name FROM \`$DB\`.migrations ORDER BY id"; }

cli "$OLD" run >/dev/null || { note "previous release's migrations failed"; exit 1; }
ops_mysql "$DB" -e "INSERT INTO admin_users (username, password_hash, role, created_at, updated_at)
  VALUES ('upgrade-probe', 'x', 'admin', NOW(), NOW())" || exit 1
schema >"$OPS_TMP/schema.prev"
applied >"$OPS_TMP/applied.prev"

up=$(cli . run)
new=$(( $(applied | wc -l) - $(wc -l <"$OPS_TMP/applied.prev") ))
note "upgrade: $up ($new new migration(s))"
cli . show | grep -q 'Up to date' || { note "not up to date after the upgrade"; exit 1; }
schema >"$OPS_TMP/schema.new"

for _ in $(seq 1 "$new"); do
  out=$(cli . revert)
  grep -q '^Reverted: ' <<<"$out" || { note "revert said: $out"; exit 1; }
done
schema >"$OPS_TMP/schema.back"
applied >"$OPS_TMP/applied.back"
if ! diff -u "$OPS_TMP/schema.prev" "$OPS_TMP/schema.back" >"$OPS_TMP/schema.diff"; then
  note "schema after rollback differs from the previous release's:"; head -20 "$OPS_TMP/schema.diff" | sed 's/^/    /'; exit 1
fi
cmp -s "$OPS_TMP/applied.prev" "$OPS_TMP/applied.back" || { note "migrations ledger differs after rollback"; exit 1; }
cli "$OLD" show | grep -q 'Up to date' || { note "the previous release sees pending migrations after rollback"; exit 1; }
[ "$(ops_mysql -N -B -e "SELECT COUNT(*) FROM \`$DB\`.admin_users WHERE username = 'upgrade-probe'")" = 1 ] ||
  { note "data lost across upgrade and rollback"; exit 1; }
note "rollback: $new migration(s) reverted; schema, ledger and data equal the previous release's"
# Even with no new migration, the newest one of the previous release goes down and up again
# cleanly on MariaDB (the step a rollback past that release would take).
out=$(cli . revert)
grep -q '^Reverted: ' <<<"$out" || { note "revert of the previous release's newest migration said: $out"; exit 1; }
# `run` re-applies it and every newer migration: the schema is the upgraded one again
cli . run >/dev/null
schema >"$OPS_TMP/schema.again"
diff -q "$OPS_TMP/schema.new" "$OPS_TMP/schema.again" >/dev/null || { note "schema differs after down and up of ${out#Reverted: }"; exit 1; }
note "down and up again: ${out#Reverted: }"
cli . run >/dev/null && cli . show | grep -q 'Up to date' || { note "upgrade after rollback failed"; exit 1; }
ok=1
