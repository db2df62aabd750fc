#!/usr/bin/env bash
# The MongoDB event store on a real wire-protocol server: FerretDB v1.24 on its embedded SQLite
# backend (built by .ci/tools.sh; no MongoDB server can be installed here).
#   events-store-contract-on-ferretdb   the event-store contract tests (events.e2e-spec.ts, which
#                                       runs on whichever store MONGODB_URI selects) and the
#                                       MongoDB-specific suite (events-mongo.e2e-spec.ts: TTL
#                                       sweeping, analytics aggregations, audit), through mongoose
#   event-store-backup-roundtrip-ferretdb  backup.sh mongodb → restore.sh mongodb: refused over
#                                       data, then exact documents (types included) and indexes back.
#                                       Tools: scripts/mongo-archive.mjs (Node driver), because
#                                       mongodump/mongorestore/mongosh are not installable here
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$OPS_ROOT" || exit 1
NAMES=(events-store-contract-on-ferretdb event-store-backup-roundtrip-ferretdb)
report_missing() { local n; for n in "${NAMES[@]}"; do grep -q "^CHECK [A-Z]* $n\$" "$OPS_TMP/checks" 2>/dev/null || echo "CHECK FAIL $n"; done; ops_cleanup; }
trap report_missing EXIT
: >"$OPS_TMP/checks"
result() { echo "CHECK $([ "$2" = 0 ] && echo PASS || echo FAIL) $1" | tee -a "$OPS_TMP/checks"; }

FERRETDB=$(.ci/tools.sh path ferretdb) || { note "FerretDB could not be built"; exit 1; }
mkdir -p "$OPS_TMP/ferretdb/data"
# A port another process takes between free_port and FerretDB's bind: try another.
for attempt in 1 2 3; do
  PORT=$(free_port)
  "$FERRETDB" --handler=sqlite --sqlite-url="file:$OPS_TMP/ferretdb/data/" --listen-addr="127.0.0.1:$PORT" \
    --debug-addr=127.0.0.1:0 --state-dir="$OPS_TMP/ferretdb" --telemetry=disable --log-level=warn \
    >"$OPS_TMP/ferretdb.log" 2>&1 &
  OPS_PIDS+=($!)
  wait_for 30 "FerretDB on :$PORT" bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && kill -0 $!" && break
  tail -2 "$OPS_TMP/ferretdb.log"
  [ "$attempt" = 3 ] && exit 1
done
note "$("$FERRETDB" --version 2>&1 | head -1) on 127.0.0.1:$PORT (SQLite backend)"

MONGODB_URI="mongodb://127.0.0.1:$PORT/sutwxapp_ci" timeout 600 npx jest --ci --selectProjects e2e \
  --testPathPatterns 'apps/api/test/events(-mongo)?\.e2e-spec\.ts' --json --outputFile="$OPS_TMP/jest.json" \
  >"$OPS_TMP/jest.log" 2>&1
rc=$?
summary=$(node -e 'const r=require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped in ${r.numTotalTestSuites} files`)' "$OPS_TMP/jest.json" 2>/dev/null)
note "jest on FerretDB: ${summary:-no report}"
pending=$(node -e 'const r=require(process.argv[1]); console.log(r.numPendingTests + (r.numTotalTestSuites < 2 ? 1 : 0))' "$OPS_TMP/jest.json" 2>/dev/null || echo 1)
[ $rc -ne 0 ] && grep -E '✕|●' "$OPS_TMP/jest.log" | head -20 | sed 's/^/    /'
# A skipped test is not a pass: both files must have run every test.
result events-store-contract-on-ferretdb "$([ $rc = 0 ] && [ "$pending" = 0 ] && echo 0 || echo 1)"

# ---------------------------------------------------------------- backup / restore
export MONGODB_URI="mongodb://127.0.0.1:$PORT/sutwxapp_backup" BACKUP_DIR="$OPS_TMP/backups"
# No Decimal128: FerretDB v1.24 lacks it (it drops the connection); the event store never uses it
# (money is integer fen).
node --input-type=module -e '
  import { MongoClient, ObjectId, Long } from "mongodb";
  const c = await MongoClient.connect(process.env.MONGODB_URI); const db = c.db();
  await db.collection("behaviour_events").createIndex({ type: 1, serverTime: 1 });
  await db.collection("behaviour_events").insertMany(Array.from({ length: 1200 }, (_, i) => ({
    _id: new ObjectId(), type: i % 2 ? "search" : "product_view", userId: i, keyword: i % 2 ? `红色 连衣裙 ${i} 😀` : null,
    serverTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), props: { big: Long.fromString("9007199254740993"), n: i } })));
  await db.collection("audit_logs").insertOne({ kind: "payment_notification", amount: 1990, tags: ["a", null], createdAt: new Date(0) });
  await c.close();'
fingerprint() { node -e '
  const { MongoClient, BSON: { EJSON } } = require("mongodb"); const { createHash } = require("node:crypto");
  (async () => { const c = await MongoClient.connect(process.env.MONGODB_URI); const db = c.db(); const out = {};
    for (const n of ["behaviour_events", "audit_logs"]) {
      out[n] = { docs: await db.collection(n).find().sort({ _id: 1 }).toArray(),
        indexes: (await db.collection(n).indexes()).map((i) => i.name).sort() };
    }
    console.log(createHash("sha256").update(EJSON.stringify(out, { relaxed: false })).digest("hex").slice(0, 16),
      out.behaviour_events.docs.length, out.audit_logs.docs.length, out.behaviour_events.indexes.join("+"));
    await c.close(); })();' 2>&1; }
before=$(fingerprint)
ok=1
timeout 120 scripts/backup.sh mongodb >"$OPS_TMP/backup.out" 2>"$OPS_TMP/backup.err" || { note "backup failed: $(tail -2 "$OPS_TMP/backup.err")"; ok=0; }
file=$(awk '{print $4}' "$OPS_TMP/backup.out")
note "backup: $(basename "${file:-none}") ($(grep -o 'dumped .*' "$OPS_TMP/backup.err" | head -1))"
timeout 60 scripts/restore.sh mongodb "$file" >/dev/null 2>&1
[ $? = 3 ] || { note "restore over existing collections was not refused (exit 3)"; ok=0; }
node -e 'const { MongoClient } = require("mongodb"); (async () => { const c = await MongoClient.connect(process.env.MONGODB_URI);
  await c.db().dropDatabase(); await c.close(); })();'
timeout 120 scripts/restore.sh mongodb "$file" >"$OPS_TMP/restore.out" 2>"$OPS_TMP/restore.err" || { note "restore failed: $(tail -2 "$OPS_TMP/restore.err")"; ok=0; }
after=$(fingerprint)
note "before: $before"
note "after:  $after"
# Over its own data again, with --force: same result, nothing doubled.
timeout 120 scripts/restore.sh mongodb "$file" --force >/dev/null 2>"$OPS_TMP/force.err" || { note "restore --force failed: $(tail -2 "$OPS_TMP/force.err")"; ok=0; }
forced=$(fingerprint)
if [ $ok = 1 ] && [ -n "$before" ] && [ "$before" = "$after" ] && [ "$before" = "$forced" ] && [[ "$before" == *" 1200 1 "* ]]; then
  result event-store-backup-roundtrip-ferretdb 0
else
  result event-store-backup-roundtrip-ferretdb 1
fi
