#!/usr/bin/env bash
# SutWxApp restore: puts one backup made by scripts/backup.sh back.
#
#   scripts/restore.sh mysql   FILE.sql.gz       [--force]
#   scripts/restore.sh mysql-pitr FILE.sql.gz --binlog-dir DIR --until 'YYYY-MM-DD HH:MM:SS' [--force]
#   scripts/restore.sh mongodb FILE.archive.gz|FILE.ejson.gz [--force]
#   scripts/restore.sh redis   FILE.rdb.gz --redis-dir DIR [--start-cmd CMD] [--offline] [--force]
#
# Targets come from the same variables as the API and backup.sh: DATABASE_URL, MONGODB_URI,
# REDIS_URL. The file is verified before anything is touched. A database that already holds
# data is never overwritten unless --force is given:
#   mysql    refuses when the database has any table; --force drops every table first
#   mongodb  refuses when the database has any collection; --force drops them (mongorestore --drop)
#   redis    refuses when any key exists; --force replaces the whole dataset
#
# mysql-pitr is a point-in-time restore: the full dump (as `mysql`), then the binary logs that
# scripts/binlog-archive.sh archived in DIR, replayed from the position the dump recorded up to
# and excluding --until (UTC). The dump must come from backup.sh with binlog on (it records
# the position); the database name must be the one the logs were written for.
#
# Redis is restored the way Redis loads data: from files at start-up. The script writes
# dump.rdb into DIR (Redis's `dir`; with appendonly=yes also an AOF manifest whose base is this
# RDB), stops Redis with SHUTDOWN NOSAVE and waits until it answers again: restarted by
# --start-cmd, or by its supervisor (Docker restart policy, Kubernetes, systemd).
# --offline skips every connection: Redis is already stopped (e.g. its StatefulSet scaled to 0
# and DIR is its volume); add --aof when that Redis runs with appendonly yes.
#
# Exit status: 0 restored, 1 failed, 2 usage error, 3 refused (target not empty, no --force).
set -Eeuo pipefail
umask 077
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/backup.sh
. "$SCRIPT_DIR/backup.sh"

REDIS_RESTART_TIMEOUT=${REDIS_RESTART_TIMEOUT:-120}

usage() { sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
refuse() {
  fail "$*"
  fail "nothing was changed; re-run with --force to replace the existing data"
  exit 3
}

# ---------------------------------------------------------------- MySQL
restore_mysql() {
  local file=$1
  parse_mysql_url "${DATABASE_URL:-}" || exit 1
  verify_mysql_dump "$file" || exit 1
  mysql_defaults_file
  mysql_query "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
    >/dev/null 2>&1 || true
  local tables
  tables=$(mysql_query "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()" "$DB_NAME") ||
    { fail "mysql: cannot reach database $DB_NAME on $DB_HOST:$DB_PORT"; exit 1; }
  if [ "$tables" -gt 0 ]; then
    [ "$FORCE" = 1 ] || refuse "mysql: database $DB_NAME on $DB_HOST already has $tables tables"
    log "mysql: --force: dropping $tables tables in $DB_NAME"
    local drops
    drops=$(mysql_query "SELECT CONCAT('DROP ', IF(table_type = 'VIEW', 'VIEW', 'TABLE'), ' IF EXISTS \`', table_name, '\`;')
      FROM information_schema.tables WHERE table_schema = DATABASE()" "$DB_NAME")
    mysql --defaults-extra-file="$MYSQL_CNF" "$DB_NAME" -e "SET FOREIGN_KEY_CHECKS = 0; $drops SET FOREIGN_KEY_CHECKS = 1;"
  fi
  log "mysql: loading $(basename "$file") into $DB_NAME"
  if ! gzip -dc "$file" | mysql --defaults-extra-file="$MYSQL_CNF" "$DB_NAME"; then
    fail "mysql: loading $(basename "$file") failed; the database is incomplete: fix and re-run with --force"
    exit 1
  fi
  tables=$(mysql_query "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()" "$DB_NAME")
  log "mysql: restored $DB_NAME ($tables tables)"
  echo "restore ok mysql $DB_NAME $tables tables"
}

# ---------------------------------------------------------------- MySQL, point in time
restore_mysql-pitr() {
  local file=$1 start_file start_pos tool files=() f
  [ -d "$BINLOG_DIR" ] || { fail "mysql-pitr: --binlog-dir DIR is required (binlog-archive.sh's \$BACKUP_DIR/binlog)"; exit 2; }
  [[ "$UNTIL" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9]{2}:[0-9]{2}:[0-9]{2}$ ]] ||
    { fail "mysql-pitr: --until must be 'YYYY-MM-DD HH:MM:SS' (UTC)"; exit 2; }
  # The dump's own record of where the binlog stood when it was taken (MariaDB / MySQL 8.4 wording).
  local re="(MASTER_LOG_FILE|SOURCE_LOG_FILE)='([^']+)', *(MASTER_LOG_POS|SOURCE_LOG_POS)=([0-9]+)"
  local line
  line=$(gzip -dc "$file" | head -n 60 | grep -m1 -E "^-- CHANGE (MASTER|REPLICATION SOURCE) TO") || true
  [[ "$line" =~ $re ]] || { fail "mysql-pitr: $(basename "$file") records no binlog position (made without binlog or RELOAD)"; exit 1; }
  start_file=${BASH_REMATCH[2]}
  start_pos=${BASH_REMATCH[4]}
  tool=$(command -v mariadb-binlog || command -v mysqlbinlog) || { fail "mysql-pitr: mysqlbinlog is not installed"; exit 1; }
  for f in "$BINLOG_DIR"/*.gz; do
    [ -e "$f" ] || continue
    local name
    name=$(basename "$f" .gz)
    # Binlog names sort by their numeric suffix; everything from the dump's file on is needed.
    [[ "$name" < "$start_file" ]] && continue
    gzip -dc "$f" >"$WORK/$name" || { fail "mysql-pitr: $f is not valid gzip"; exit 1; }
    files+=("$WORK/$name")
  done
  [ "${#files[@]}" -gt 0 ] && [ "$(basename "${files[0]}")" = "$start_file" ] ||
    { fail "mysql-pitr: $start_file (where the dump stopped) is not in $BINLOG_DIR: the chain is broken"; exit 1; }
  restore_mysql "$file" >/dev/null
  local opts=(--start-position="$start_pos" --stop-datetime="$UNTIL" --database="$DB_NAME")
  "$tool" --help 2>/dev/null | grep -q -- '--skip-gtids' && opts+=(--skip-gtids)
  log "mysql-pitr: replaying ${#files[@]} binlog file(s) from $start_file:$start_pos until $UNTIL UTC"
  # TZ=UTC: mysqlbinlog reads --stop-datetime in its own local time zone.
  if ! TZ=UTC "$tool" "${opts[@]}" "${files[@]}" | mysql --defaults-extra-file="$MYSQL_CNF" "$DB_NAME"; then
    fail "mysql-pitr: replay failed; the database holds the full backup plus part of the logs: fix and re-run with --force"
    exit 1
  fi
  log "mysql-pitr: restored $DB_NAME to $UNTIL UTC"
  echo "restore ok mysql-pitr $DB_NAME until $UNTIL"
}

# ---------------------------------------------------------------- MongoDB
restore_mongodb() {
  local file=$1 name count archiver
  [ -n "${MONGODB_URI:-}" ] || { fail "mongodb: MONGODB_URI is not set"; exit 1; }
  gzip -t "$file" 2>/dev/null || { fail "mongodb: $file is not a valid gzip archive"; exit 1; }
  name=$(mongo_db_name "$MONGODB_URI")
  archiver="$SCRIPT_DIR/mongo-archive.mjs"
  # The URI carries the password: it goes through the environment, never onto a command line.
  if command -v mongosh >/dev/null 2>&1; then
    count=$(SUTWXAPP_MONGO_URI=$MONGODB_URI mongosh --nodb --quiet --norc \
      --eval 'print(connect(process.env.SUTWXAPP_MONGO_URI).getCollectionNames().length)') ||
      { fail "mongodb: cannot reach $name"; exit 1; }
  else
    count=$(node "$archiver" collections) || { fail "mongodb: cannot reach $name"; exit 1; }
  fi
  local drop=()
  if [ "$count" -gt 0 ]; then
    [ "$FORCE" = 1 ] || refuse "mongodb: database $name already has $count collections"
    drop=(--drop)
  fi
  if [[ "$file" == *.ejson.gz ]]; then
    # Written by mongo-archive.mjs (backup.sh where mongodump is missing).
    log "mongodb: mongo-archive.mjs restore of $(basename "$file") into $name"
    node "$archiver" restore "$file" "${drop[@]}" >&2 || { fail "mongodb: restore failed"; exit 1; }
  else
    mongo_config_file
    log "mongodb: mongorestore of $(basename "$file") into $name"
    mongorestore --config="$MONGO_CFG" --archive="$file" --gzip "${drop[@]}" --nsInclude="$name.*" --quiet
  fi
  log "mongodb: restored $name"
  echo "restore ok mongodb $name"
}

# ---------------------------------------------------------------- Redis
restore_redis() {
  local file=$1 rdb name="dump.rdb" aof=$AOF
  [ -n "$REDIS_DIR" ] || { fail "redis: --redis-dir DIR is required (the directory Redis loads dump.rdb from)"; exit 2; }
  [ -d "$REDIS_DIR" ] || { fail "redis: $REDIS_DIR is not a directory"; exit 1; }
  rdb="$WORK/restore.rdb"
  gzip -dc "$file" >"$rdb" 2>/dev/null || { fail "redis: $file is not a valid gzip file"; exit 1; }
  check_rdb "$rdb" || exit 1

  if [ "$OFFLINE" = 1 ]; then
    if [ -e "$REDIS_DIR/$name" ] || [ -n "$(ls -A "$REDIS_DIR/appendonlydir" 2>/dev/null)" ]; then
      [ "$FORCE" = 1 ] || refuse "redis: $REDIS_DIR already holds Redis data files"
    fi
  else
    parse_redis_url "${REDIS_URL:-}" || exit 1
    rcli PING >/dev/null 2>&1 || { fail "redis: cannot reach $REDIS_HOST:$REDIS_PORT (use --offline when it is stopped)"; exit 1; }
    local keys
    keys=$(rcli INFO keyspace | tr -d '\r' | sed -n 's/^db[0-9]*:keys=\([0-9]*\).*/\1/p' | awk '{s += $1} END {print s + 0}')
    if [ "$keys" -gt 0 ]; then
      [ "$FORCE" = 1 ] || refuse "redis: $REDIS_HOST:$REDIS_PORT already holds $keys keys"
    fi
    local n a
    # CONFIG may be renamed away on managed Redis: then dump.rdb and --aof as given.
    n=$(rcli CONFIG GET dbfilename 2>/dev/null | sed -n 2p) || n=''
    [ -z "$n" ] || name=$n
    a=$(rcli CONFIG GET appendonly 2>/dev/null | sed -n 2p) || a=
    [ "$a" = yes ] && aof=1
  fi

  # Files first, under temporary names, then renamed into place: Redis never sees half a file.
  cp "$rdb" "$REDIS_DIR/.$name.restore"
  if [ "$aof" = 1 ]; then
    # Redis 7 multi-part AOF: with appendonly=yes Redis loads only the AOF. A manifest whose
    # base is our RDB (an RDB-format base is what AOF rewrites produce anyway) loads it.
    local adir="$REDIS_DIR/appendonlydir.restore"
    rm -rf "$adir"
    mkdir -p "$adir"
    cp "$rdb" "$adir/appendonly.aof.1.base.rdb"
    : >"$adir/appendonly.aof.1.incr.aof"
    printf 'file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n' \
      >"$adir/appendonly.aof.manifest"
  fi

  # Redis usually runs as another user than this script: make the files its own (as root) and
  # group-readable/writable (Kubernetes fsGroup), or it cannot load them.
  chmod 664 "$REDIS_DIR/.$name.restore"
  [ "$aof" != 1 ] || chmod -R u=rwX,g=rwX,o=rX "$REDIS_DIR/appendonlydir.restore"
  if [ "$(id -u)" = 0 ]; then
    chown --reference="$REDIS_DIR" "$REDIS_DIR/.$name.restore"
    [ "$aof" != 1 ] || chown -R --reference="$REDIS_DIR" "$REDIS_DIR/appendonlydir.restore"
  fi

  local quiesced=0
  if [ "$OFFLINE" != 1 ]; then
    # Stop this Redis from writing its own files (runtime settings only; its configuration
    # applies again at restart), so the files can go into place before it stops: a supervisor
    # that restarts it at once then loads ours, never the old ones.
    if rcli CONFIG SET save '' >/dev/null 2>&1 && { [ "$aof" != 1 ] || rcli CONFIG SET appendonly no >/dev/null 2>&1; }; then
      local deadline=$((SECONDS + 60))
      until [ "$(redis_info persistence rdb_bgsave_in_progress)" = 0 ] &&
        [ "$(redis_info persistence aof_rewrite_in_progress)" = 0 ]; do
        [ $SECONDS -lt "$deadline" ] || { fail "redis: a background save is still running"; exit 1; }
        sleep 0.2
      done
      quiesced=1
    fi
  fi
  place_redis_files() {
    mv -f "$REDIS_DIR/.$name.restore" "$REDIS_DIR/$name"
    if [ "$aof" = 1 ]; then
      rm -rf "$REDIS_DIR/appendonlydir"
      mv "$REDIS_DIR/appendonlydir.restore" "$REDIS_DIR/appendonlydir"
    fi
  }
  if [ "$OFFLINE" = 1 ] || [ "$quiesced" = 1 ]; then place_redis_files; fi
  if [ "$OFFLINE" != 1 ]; then
    log "redis: SHUTDOWN NOSAVE on $REDIS_HOST:$REDIS_PORT"
    rcli SHUTDOWN NOSAVE >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 30))
    while rcli PING >/dev/null 2>&1; do
      [ $SECONDS -lt "$deadline" ] || { fail "redis: still running after SHUTDOWN NOSAVE"; exit 1; }
      sleep 0.1
    done
    # CONFIG is disabled on this Redis: place the files now that it has stopped.
    [ "$quiesced" = 1 ] || place_redis_files
  fi

  if [ "$OFFLINE" = 1 ]; then
    log "redis: files placed in $REDIS_DIR; start Redis to load them"
    echo "restore ok redis files-in-place $REDIS_DIR"
    return 0
  fi
  if [ -n "$START_CMD" ]; then
    log "redis: starting: $START_CMD"
    sh -c "$START_CMD"
  else
    log "redis: waiting for its supervisor to restart it (up to ${REDIS_RESTART_TIMEOUT}s)"
  fi
  local deadline=$((SECONDS + REDIS_RESTART_TIMEOUT)) loading
  until [ "$(rcli PING 2>/dev/null)" = PONG ] && loading=$(redis_info persistence loading) && [ "$loading" = 0 ]; do
    [ $SECONDS -lt "$deadline" ] || { fail "redis: did not come back within ${REDIS_RESTART_TIMEOUT}s"; exit 1; }
    sleep 0.5
  done
  keys=$(rcli INFO keyspace | tr -d '\r' | sed -n 's/^db[0-9]*:keys=\([0-9]*\).*/\1/p' | awk '{s += $1} END {print s + 0}')
  log "redis: restored ($keys keys)"
  echo "restore ok redis $keys keys"
}

# ---------------------------------------------------------------- main
FORCE=0
OFFLINE=0
AOF=0
REDIS_DIR=''
BINLOG_DIR=''
UNTIL=''
START_CMD=''
STORE=''
FILE=''
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --force) FORCE=1 ;;
    --offline) OFFLINE=1 ;;
    --aof) AOF=1 ;;
    --redis-dir) REDIS_DIR=${2:?--redis-dir needs a directory}; shift ;;
    --start-cmd) START_CMD=${2:?--start-cmd needs a command}; shift ;;
    --binlog-dir) BINLOG_DIR=${2:?--binlog-dir needs a directory}; shift ;;
    --until) UNTIL=${2:?--until needs 'YYYY-MM-DD HH:MM:SS'}; shift ;;
    mysql | mysql-pitr | redis | mongodb) [ -z "$STORE" ] || { usage >&2; exit 2; }; STORE=$1 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$FILE" ] || { usage >&2; exit 2; }; FILE=$1 ;;
  esac
  shift
done
if [ -z "$STORE" ] || [ -z "$FILE" ]; then usage >&2; exit 2; fi
[ -f "$FILE" ] || { fail "no such file: $FILE"; exit 1; }
[ -n "$WORK" ] || make_workdir
"restore_$STORE" "$FILE"
