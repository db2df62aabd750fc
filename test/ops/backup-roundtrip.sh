#!/usr/bin/env bash
# Backup/restore round trip against MariaDB and Redis, with data made through the API:
# a WeChat login and an emoji nickname (utf8mb4 end to end), the API's own Redis keys plus a
# marker. Then scripts/backup.sh, a wipe, scripts/restore.sh, and the same data back — read
# through the API and compared row by row / by Redis' dataset digest.
# Uses its own database (sutwxapp_backup_test) and its own throwaway redis-server; the CI
# database and the shared Redis are never touched. Prints one CHECK line per check.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

ops_checks backup-files backup-retention restore-refuses-non-empty backup-restore-roundtrip restore-force

DB=sutwxapp_backup_test
PA=$(free_port) PR=$(free_port)
T=$OPS_TMP/roundtrip
RDIR=$T/redis
mkdir -p "$T"
export BACKUP_DIR=$T/backups
DATABASE_URL=$(ops_db_url "$DB")
REDIS_URL=redis://127.0.0.1:$PR/0
export DATABASE_URL REDIS_URL
unset MONGODB_URI
REDIS_START="redis-server --port $PR --bind 127.0.0.1 --dir $RDIR --save '' --appendonly no --enable-debug-command local --daemonize yes --pidfile $RDIR/redis.pid --logfile $RDIR/redis.log"
OPS_PIDFILES+=("$RDIR/redis.pid")
API=http://127.0.0.1:$PA/api/v1
NICK='小明😀'

rcli() { timeout 10 redis-cli -p "$PR" "$@"; }
db_snapshot() { # every user and operator row, nickname as hex so bytes are compared
  ops_mysql -N -B "$DB" -e "SELECT id, openid, HEX(nickname), created_at FROM users ORDER BY id;
    SELECT id, username, password_hash FROM admin_users ORDER BY id;
    SELECT name FROM migrations ORDER BY id;"
}
redis_snapshot() { # key count, dataset digest, the marker
  echo "keys=$(rcli DBSIZE) digest=$(rcli DEBUG DIGEST) marker=$(rcli GET ops:marker)"
}
me() { curl -s -m 10 -H "authorization: Bearer $TOKEN" "$API/me"; }

# ---------------------------------------------------------------- data through the API
mkdir -p "$RDIR"
if ! sh -c "$REDIS_START" || ! wait_for 10 "redis on :$PR" redis-cli -p "$PR" ping; then
  fail backup-files "redis did not start"
  exit 1
fi
ops_create_db "$DB" || { fail backup-files "cannot create $DB"; exit 1; }
prepare_db "$DATABASE_URL" >"$T/prepare.log" 2>&1 || { fail backup-files "migrations failed: $(tail -3 "$T/prepare.log")"; exit 1; }
start_api rt "$PA" "$DATABASE_URL" "$REDIS_URL" ops-backup: || { fail backup-files "the API did not start"; exit 1; }

login=$(curl -s -m 10 -H 'content-type: application/json' -d '{"code":"ops-backup-roundtrip"}' "$API/auth/wechat-login")
TOKEN=$(printf '%s' "$login" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).accessToken||"")}catch{console.log("")}})')
[ -n "$TOKEN" ] || { fail backup-files "wechat-login through the API failed: ${login:0:300}"; exit 1; }
patched=$(curl -s -m 10 -X PATCH -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d "{\"nickname\":\"$NICK\"}" "$API/me")
case "$(me)" in *"\"nickname\":\"$NICK\""*) ;; *) fail backup-files "PATCH /me did not stick: ${patched:0:300}"; exit 1 ;; esac
rcli SET ops:marker "$NICK" >/dev/null
BEFORE_DB=$(db_snapshot)
BEFORE_REDIS=$(redis_snapshot)
note "made through the API: user $(printf '%s' "$login" | grep -o '"id":[0-9]*' | head -1), nickname $NICK; Redis: $BEFORE_REDIS"

# ---------------------------------------------------------------- backup (+ retention)
mkdir -p "$BACKUP_DIR/mysql" "$BACKUP_DIR/redis"
OLD_MYSQL=$BACKUP_DIR/mysql/sutwxapp-mysql-$DB-20000101T000000Z.sql.gz
KEEP_MYSQL=$BACKUP_DIR/mysql/sutwxapp-mysql-$DB-20000102T000000Z.sql.gz
OLD_REDIS=$BACKUP_DIR/redis/sutwxapp-redis-127.0.0.1-20000101T000000Z.rdb.gz
KEEP_REDIS=$BACKUP_DIR/redis/sutwxapp-redis-127.0.0.1-20000102T000000Z.rdb.gz
OTHER=$BACKUP_DIR/mysql/operator-notes.txt
touch -d '31 days ago' "$OLD_MYSQL" "$OTHER"
touch -d '29 days ago' "$KEEP_MYSQL"
touch -d '8 days ago' "$OLD_REDIS"
touch -d '6 days ago' "$KEEP_REDIS"

if REDIS_DATA_DIR=$RDIR timeout 120 "$OPS_ROOT/scripts/backup.sh" mysql redis >"$T/backup.out" 2>"$T/backup.err"; then
  MYSQL_FILE=$(awk '$3 == "mysql" {print $4}' "$T/backup.out")
  REDIS_FILE=$(awk '$3 == "redis" {print $4}' "$T/backup.out")
  # Without access to Redis' directory the snapshot is streamed with redis-cli --rdb.
  timeout 60 "$OPS_ROOT/scripts/backup.sh" redis >"$T/backup2.out" 2>>"$T/backup.err"
  REDIS_FILE2=$(awk '$3 == "redis" {print $4}' "$T/backup2.out")
  sed 's/^/    /' "$T/backup.out" "$T/backup2.out"
  if [[ "$(basename "$MYSQL_FILE")" =~ ^sutwxapp-mysql-$DB-[0-9]{8}T[0-9]{6}Z\.sql\.gz$ ]] &&
    [[ "$(basename "$REDIS_FILE")" =~ ^sutwxapp-redis-127\.0\.0\.1-[0-9]{8}T[0-9]{6}Z\.rdb\.gz$ ]] &&
    gzip -dc "$MYSQL_FILE" | grep -qF "CREATE TABLE \`users\`" &&
    [ "$(gzip -dc "$REDIS_FILE" | head -c 5)" = REDIS ] && [ "$(gzip -dc "$REDIS_FILE2" | head -c 5)" = REDIS ] &&
    [ "$(stat -c %a "$MYSQL_FILE")" = 600 ] && ! ls "$BACKUP_DIR"/*/*.partial >/dev/null 2>&1; then
    pass backup-files
  else
    fail backup-files "unexpected backup files: $(find "$BACKUP_DIR" -type f -printf '%f ')"
  fi
else
  fail backup-files "backup.sh failed: $(tail -5 "$T/backup.err")"
  exit 1
fi
if [ ! -e "$OLD_MYSQL" ] && [ ! -e "$OLD_REDIS" ] && [ -e "$KEEP_MYSQL" ] && [ -e "$KEEP_REDIS" ] && [ -e "$OTHER" ]; then
  pass backup-retention
  note "retention: the 31-day-old MySQL and 8-day-old Redis files were pruned; 29/6-day-old ones and foreign files kept"
else
  fail backup-retention "retention pruned the wrong files: $(find "$BACKUP_DIR" -type f -printf '%f ')"
fi

# ---------------------------------------------------------------- refusal without --force
timeout 60 "$OPS_ROOT/scripts/restore.sh" mysql "$MYSQL_FILE" >/dev/null 2>"$T/refuse.err"
m=$?
timeout 60 "$OPS_ROOT/scripts/restore.sh" redis "$REDIS_FILE" --redis-dir "$RDIR" >/dev/null 2>>"$T/refuse.err"
r=$?
if [ $m = 3 ] && [ $r = 3 ] && [ "$(db_snapshot)" = "$BEFORE_DB" ] && [ "$(redis_snapshot)" = "$BEFORE_REDIS" ]; then
  pass restore-refuses-non-empty
  note "restore into non-empty MySQL and Redis refused (exit 3), data untouched"
else
  fail restore-refuses-non-empty "exit statuses mysql=$m redis=$r; $(tail -2 "$T/refuse.err")"
fi

# ---------------------------------------------------------------- wipe, restore, compare
ops_mysql -e "DROP DATABASE \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rcli FLUSHALL >/dev/null
gone=$(me)
note "after the wipe: $(rcli DBSIZE) Redis keys; GET /me -> ${gone:0:80}"
timeout 60 "$OPS_ROOT/scripts/restore.sh" mysql "$MYSQL_FILE" >"$T/restore.out" 2>"$T/restore.err" &&
  timeout 90 "$OPS_ROOT/scripts/restore.sh" redis "$REDIS_FILE" --redis-dir "$RDIR" --start-cmd "$REDIS_START" \
    >>"$T/restore.out" 2>>"$T/restore.err"
rc=$?
sed 's/^/    /' "$T/restore.out"
wait_for 20 "the API to see the restored data" sh -c "curl -s -m 5 -H 'authorization: Bearer $TOKEN' '$API/me' | grep -q '\"nickname\":\"$NICK\"'"
# The API reconnects to the restarted Redis by itself; readiness turns 200 again.
wait_for 20 "readiness after the restore" curl -fsS -o /dev/null -m 5 "$API/health"
after=$(me)
ready=$(status_of "$API/health")
if [ $rc = 0 ] && [ "$(db_snapshot)" = "$BEFORE_DB" ] && [ "$(redis_snapshot)" = "$BEFORE_REDIS" ] &&
  [[ "$after" == *"\"nickname\":\"$NICK\""* ]] && [ "$ready" = 200 ] && [[ "$gone" != *"$NICK"* ]]; then
  pass backup-restore-roundtrip
  note "restored: every users/admin_users/migrations row identical, Redis digest identical, GET /me -> nickname $NICK, readiness $ready"
else
  fail backup-restore-roundtrip "restore rc=$rc readiness=$ready GET /me -> ${after:0:200}; $(tail -3 "$T/restore.err")"
  diff <(echo "$BEFORE_DB") <(db_snapshot) | head -10 | sed 's/^/    /'
  note "redis before: $BEFORE_REDIS"
  note "redis after:  $(redis_snapshot)"
fi

# ---------------------------------------------------------------- --force replaces
curl -s -m 10 -o /dev/null -X PATCH -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"nickname":"changed"}' "$API/me"
if timeout 60 "$OPS_ROOT/scripts/restore.sh" mysql "$MYSQL_FILE" --force >/dev/null 2>"$T/force.err" &&
  [ "$(db_snapshot)" = "$BEFORE_DB" ] && [[ "$(me)" == *"\"nickname\":\"$NICK\""* ]]; then
  pass restore-force
  note "restore --force over a changed database brought back nickname $NICK"
else
  fail restore-force "$(tail -3 "$T/force.err")"
fi
