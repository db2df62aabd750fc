#!/usr/bin/env bash
# SutWxApp backups: MySQL (mysqldump), Redis (BGSAVE + dump.rdb), MongoDB (mongodump, or
# scripts/mongo-archive.mjs where mongodump is not installed).
#
#   scripts/backup.sh [all | mysql | redis | mongodb ...]
#
# Reads the same variables as the API: DATABASE_URL (mysql://user:pass@host:3306/db),
# REDIS_URL (redis://[:pass@]host:6379[/db]), MONGODB_URI. `all` (the default) backs up each
# store whose variable is set. Files are written as
#   $BACKUP_DIR/<store>/sutwxapp-<store>-<name>-<UTC timestamp>.<ext>
# to a .partial file first and renamed only once complete and verified. After a successful
# backup, files of that store older than its retention are deleted (never after a failure).
#
# Environment:
#   BACKUP_DIR                  where files go (default ./backups)
#   MYSQL_RETENTION_DAYS        default 30
#   MONGODB_RETENTION_DAYS      default 30
#   REDIS_RETENTION_DAYS        default 7 (Redis is backed up hourly)
#   REDIS_DATA_DIR              Redis's own data directory, when this machine can read it
#                               (compose: the redis-data volume); otherwise the snapshot is
#                               streamed over the network with `redis-cli --rdb`
#   REDIS_BGSAVE_TIMEOUT        seconds to wait for BGSAVE (default 600)
#   BACKUP_UPLOAD_CMD           optional command run with each new file as "$1" (off-site copy,
#                               e.g. 'coscli cp "$1" cos://bucket/sutwxapp/'); its failure fails the backup
# Exit status: 0 all requested backups done, 1 one failed, 2 usage error.
set -Eeuo pipefail
umask 077

BACKUP_DIR=${BACKUP_DIR:-./backups}
MYSQL_RETENTION_DAYS=${MYSQL_RETENTION_DAYS:-30}
MONGODB_RETENTION_DAYS=${MONGODB_RETENTION_DAYS:-30}
REDIS_RETENTION_DAYS=${REDIS_RETENTION_DAYS:-7}
REDIS_BGSAVE_TIMEOUT=${REDIS_BGSAVE_TIMEOUT:-600}

# ---------------------------------------------------------------- shared helpers
# (scripts/restore.sh sources this file for them; main only runs when executed.)

log() { printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
fail() { log "ERROR $*"; }
timestamp() { date -u +%Y%m%dT%H%M%SZ; }
# <prefix>-<UTC timestamp><ext> that does not exist yet (two runs in one second never collide).
new_file() { # prefix ext
  local f
  f="$1-$(timestamp)$2"
  while [ -e "$f" ] || [ -e "$f.partial" ]; do
    sleep 1
    f="$1-$(timestamp)$2"
  done
  echo "$f"
}
urldecode() { local s=${1//+/ }; printf '%b' "${s//%/\\x}"; }

WORK=''
make_workdir() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/sutwxapp-backup.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
}

# mysql://user:password@host:3306/database -> DB_USER DB_PASS DB_HOST DB_PORT DB_NAME
parse_mysql_url() {
  local re='^(mysql|mariadb)://(([^:@/]*)(:([^@/]*))?@)?([^:/?]+)(:([0-9]+))?/([^?]+)'
  if [[ ! "$1" =~ $re ]]; then
    fail "DATABASE_URL must look like mysql://user:password@host:3306/database"
    return 1
  fi
  DB_USER=$(urldecode "${BASH_REMATCH[3]:-root}")
  DB_PASS=$(urldecode "${BASH_REMATCH[5]}")
  DB_HOST=${BASH_REMATCH[6]}
  DB_PORT=${BASH_REMATCH[8]:-3306}
  DB_NAME=$(urldecode "${BASH_REMATCH[9]}")
}

# The password goes into a private option file, never onto a command line (ps would show it).
MYSQL_CNF=''
mysql_defaults_file() {
  MYSQL_CNF="$WORK/my.cnf"
  {
    echo '[client]'
    echo "host=$DB_HOST"
    echo "port=$DB_PORT"
    echo "user=$DB_USER"
    [ -z "$DB_PASS" ] || printf 'password="%s"\n' "${DB_PASS//\"/\\\"}"
    echo 'protocol=tcp'
    echo 'default-character-set=utf8mb4'
  } >"$MYSQL_CNF"
}
mysql_query() { # SQL [database]
  mysql --defaults-extra-file="$MYSQL_CNF" -N -B -e "$1" ${2:+"$2"}
}

binlog_position_available() {
  local grants
  [ "$(mysql_query 'SELECT @@log_bin' 2>/dev/null)" = 1 ] || return 1
  grants=$(mysql_query 'SHOW GRANTS' 2>/dev/null) || return 1
  grep -qE 'ALL PRIVILEGES ON \*\.\*|RELOAD' <<<"$grants" || return 1
  # MySQL 8.4 renamed SHOW MASTER STATUS; either answers a row only with the privilege.
  mysql_query 'SHOW BINARY LOG STATUS' 2>/dev/null | grep -q . || mysql_query 'SHOW MASTER STATUS' 2>/dev/null | grep -q .
}

# A dump is complete when mysqldump wrote its closing comment.
verify_mysql_dump() {
  if ! gzip -t "$1" 2>/dev/null; then fail "mysql: $1 is not a valid gzip file"; return 1; fi
  if ! gzip -dc "$1" | tail -n 1 | grep -q '^-- Dump completed'; then
    fail "mysql: $1 is truncated (no 'Dump completed' trailer)"
    return 1
  fi
}

# redis://[user:password@]host:6379[/db] -> REDIS_HOST REDIS_PORT REDIS_DB (+ auth in the env)
parse_redis_url() {
  local re='^(rediss?)://(([^:@/]*)(:([^@/]*))?@)?([^:/?]+)(:([0-9]+))?(/([0-9]+))?'
  if [[ ! "$1" =~ $re ]]; then
    fail "REDIS_URL must look like redis://[:password@]host:6379[/db]"
    return 1
  fi
  REDIS_TLS=$([ "${BASH_REMATCH[1]}" = rediss ] && echo 1 || echo '')
  REDIS_USER=$(urldecode "${BASH_REMATCH[3]}")
  REDIS_HOST=${BASH_REMATCH[6]}
  REDIS_PORT=${BASH_REMATCH[8]:-6379}
  REDIS_DB=${BASH_REMATCH[10]:-0}
  # redis-cli reads the password from REDISCLI_AUTH, which keeps it off the command line.
  if [ -n "${BASH_REMATCH[5]}" ]; then export REDISCLI_AUTH; REDISCLI_AUTH=$(urldecode "${BASH_REMATCH[5]}"); fi
}
rcli() {
  local args=(-h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" --no-auth-warning)
  [ -z "$REDIS_TLS" ] || args+=(--tls)
  [ -z "$REDIS_USER" ] || [ "$REDIS_USER" = default ] || args+=(--user "$REDIS_USER")
  redis-cli "${args[@]}" "$@"
}
redis_info() { # section field
  rcli INFO "$1" | tr -d '\r' | sed -n "s/^$2://p"
}
check_rdb() {
  if [ "$(head -c 5 "$1" 2>/dev/null)" != REDIS ]; then
    fail "redis: $1 is not an RDB file"
    return 1
  fi
}

# mongodb://user:pass@host:27017/db?opts -> db (MongoDB's default "test" when there is none)
mongo_db_name() {
  local rest=${1#*://} path
  rest=${rest%%\?*}
  if [[ "$rest" != */* ]]; then
    echo test
    return
  fi
  path=${rest#*/}
  echo "${path:-test}"
}
# The URI (with its password) goes into a private config file, not onto the command line.
# The database is named with --db / --nsInclude instead of the URI path; when the URI has no
# authSource, the path was also the authentication database, so it is kept as authSource.
MONGO_CFG=''
mongo_config_file() {
  local uri=$MONGODB_URI db scheme rest hosts query
  db=$(mongo_db_name "$uri")
  scheme=${uri%%://*}
  rest=${uri#*://}
  hosts=${rest%%[/?]*}
  query=''
  [[ "$rest" != *\?* ]] || query=${rest#*\?}
  if [[ "$hosts" == *@* ]] && [[ "${rest%%\?*}" == */?* ]] && [[ "&$query" != *"&authSource="* ]]; then
    query=${query:+$query&}authSource=$db
  fi
  uri="$scheme://$hosts/${query:+?$query}"
  MONGO_CFG="$WORK/mongo.yaml"
  printf 'uri: "%s"\n' "${uri//\"/\\\"}" >"$MONGO_CFG"
}

# Upload (optional), then prune this store's old files: only ever after a good backup.
finish_backup() { # store file retention_days
  local store=$1 file=$2 days=$3 size
  size=$(wc -c <"$file" | tr -d ' ')
  if [ -n "${BACKUP_UPLOAD_CMD:-}" ]; then
    log "$store: uploading $(basename "$file")"
    if ! sh -c "$BACKUP_UPLOAD_CMD" sh "$file"; then
      fail "$store: BACKUP_UPLOAD_CMD failed for $file"
      return 1
    fi
  fi
  prune "$store" "$days"
  log "$store: backup written: $file ($size bytes)"
  echo "backup ok $store $file $size"
}
prune() { # store days
  local dir="$BACKUP_DIR/$1" old
  if [[ ! "$2" =~ ^[1-9][0-9]*$ ]]; then fail "$1: retention must be a positive number of days"; return 1; fi
  while IFS= read -r old; do
    log "$1: retention ${2}d: deleting $(basename "$old")"
    rm -f -- "$old"
  done < <(find "$dir" -maxdepth 1 -type f -name "sutwxapp-$1-*" ! -name '*.partial' -mmin "+$(($2 * 1440))")
  # A .partial file older than a day belongs to a backup that died: remove it too.
  find "$dir" -maxdepth 1 -type f -name '*.partial' -mmin +1440 -delete
}

usage() {
  sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- MySQL
backup_mysql() {
  parse_mysql_url "${DATABASE_URL:-}" || return 1
  local dir="$BACKUP_DIR/mysql" file tmp
  mkdir -p "$dir"
  file=$(new_file "$dir/sutwxapp-mysql-$DB_NAME" .sql.gz)
  tmp="$file.partial"
  mysql_defaults_file

  local opts=(--single-transaction --quick --routines --triggers --events --hex-blob
    --default-character-set=utf8mb4 --add-drop-table --no-tablespaces)
  if mysqldump --version 2>/dev/null | grep -qi mariadb; then
    MYSQL_FLAVOUR=mariadb
  else
    MYSQL_FLAVOUR=mysql
    # A plain dump restores into any server; GTID state belongs to replication set-up.
    opts+=(--set-gtid-purged=OFF)
  fi
  # With binary logging on, record the binlog position in the dump (as a comment), so a
  # point-in-time recovery can replay binlogs from exactly this point. That needs RELOAD and
  # REPLICATION CLIENT; an application account without them still gets a full dump.
  if binlog_position_available; then
    if [ "$MYSQL_FLAVOUR" = mariadb ]; then opts+=(--master-data=2); else opts+=(--source-data=2); fi
  else
    log "mysql: binlog position not recorded (binary log off, or no RELOAD/REPLICATION CLIENT privilege)"
  fi

  log "mysql: dumping $DB_NAME on $DB_HOST:$DB_PORT"
  if ! mysqldump --defaults-extra-file="$MYSQL_CNF" "${opts[@]}" "$DB_NAME" | gzip -6 >"$tmp"; then
    rm -f "$tmp"
    fail "mysql: mysqldump failed"
    return 1
  fi
  verify_mysql_dump "$tmp" || { rm -f "$tmp"; return 1; }
  mv "$tmp" "$file"
  finish_backup mysql "$file" "$MYSQL_RETENTION_DAYS"
}

# ---------------------------------------------------------------- Redis
backup_redis() {
  parse_redis_url "${REDIS_URL:-}" || return 1
  local dir="$BACKUP_DIR/redis" file tmp rdb
  mkdir -p "$dir"
  rdb="$WORK/dump.rdb"

  log "redis: BGSAVE on $REDIS_HOST:$REDIS_PORT"
  local before now deadline reply
  before=$(rcli LASTSAVE) || { fail "redis: cannot reach $REDIS_HOST:$REDIS_PORT"; return 1; }
  # LASTSAVE has one-second resolution: make sure ours will differ from the previous one.
  now=$(rcli TIME | head -1)
  [ "$now" -gt "$before" ] || sleep 1
  deadline=$((SECONDS + REDIS_BGSAVE_TIMEOUT))
  until reply=$(rcli BGSAVE 2>&1) && [[ "$reply" == *"started"* || "$reply" == *"scheduled"* ]]; do
    # Another BGSAVE (or an AOF rewrite) is running: wait for it and ask again.
    if [ $SECONDS -ge "$deadline" ]; then fail "redis: BGSAVE refused: $reply"; return 1; fi
    sleep 1
  done
  while :; do
    if [ "$(rcli LASTSAVE)" -gt "$before" ] && [ "$(redis_info persistence rdb_bgsave_in_progress)" = 0 ]; then break; fi
    if [ $SECONDS -ge "$deadline" ]; then fail "redis: BGSAVE did not finish in ${REDIS_BGSAVE_TIMEOUT}s"; return 1; fi
    sleep 0.5
  done
  if [ "$(redis_info persistence rdb_last_bgsave_status)" != ok ]; then
    fail "redis: BGSAVE failed (see the Redis log)"
    return 1
  fi

  if [ -n "${REDIS_DATA_DIR:-}" ]; then
    local name
    name=$(rcli CONFIG GET dbfilename 2>/dev/null | sed -n 2p)
    name=${name:-dump.rdb}
    log "redis: copying $REDIS_DATA_DIR/$name"
    cp "$REDIS_DATA_DIR/$name" "$rdb" || { fail "redis: cannot read $REDIS_DATA_DIR/$name"; return 1; }
  else
    # No access to Redis's disk (another pod/host): stream a snapshot over the connection.
    log "redis: fetching the snapshot with redis-cli --rdb"
    rcli --rdb "$rdb" >/dev/null 2>&1 || { fail "redis: redis-cli --rdb failed"; return 1; }
  fi
  check_rdb "$rdb" || return 1
  file=$(new_file "$dir/sutwxapp-redis-$REDIS_HOST" .rdb.gz)
  tmp="$file.partial"
  gzip -6 -c "$rdb" >"$tmp"
  rm -f "$rdb"
  mv "$tmp" "$file"
  finish_backup redis "$file" "$REDIS_RETENTION_DAYS"
}

# ---------------------------------------------------------------- MongoDB
backup_mongodb() {
  [ -n "${MONGODB_URI:-}" ] || { fail "mongodb: MONGODB_URI is not set"; return 1; }
  local dir="$BACKUP_DIR/mongodb" file tmp name
  name=$(mongo_db_name "$MONGODB_URI")
  mkdir -p "$dir"
  if ! command -v mongodump >/dev/null 2>&1; then
    # No mongodump here (Debian does not package it): the Node driver's dump, which also works
    # against FerretDB. The URI stays in the environment, off the command line.
    local archiver
    archiver="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/mongo-archive.mjs"
    command -v node >/dev/null 2>&1 && [ -f "$archiver" ] ||
      { fail "mongodb: neither mongodump nor node + scripts/mongo-archive.mjs is available"; return 1; }
    file=$(new_file "$dir/sutwxapp-mongodb-$name" .ejson.gz)
    log "mongodb: mongo-archive.mjs dump of $name (no mongodump here)"
    node "$archiver" dump "$file" >&2 || { fail "mongodb: mongo-archive.mjs dump failed"; return 1; }
    gzip -t "$file" || { rm -f "$file"; fail "mongodb: archive is not valid gzip"; return 1; }
    finish_backup mongodb "$file" "$MONGODB_RETENTION_DAYS"
    return
  fi
  file=$(new_file "$dir/sutwxapp-mongodb-$name" .archive.gz)
  tmp="$file.partial"
  mongo_config_file
  log "mongodb: mongodump of $name"
  if ! mongodump --config="$MONGO_CFG" --db="$name" --archive="$tmp" --gzip --quiet; then
    rm -f "$tmp"
    fail "mongodb: mongodump failed"
    return 1
  fi
  gzip -t "$tmp" || { rm -f "$tmp"; fail "mongodb: archive is not valid gzip"; return 1; }
  mv "$tmp" "$file"
  finish_backup mongodb "$file" "$MONGODB_RETENTION_DAYS"
}

# ---------------------------------------------------------------- main
main() {
  local targets=() t failed=0
  for t in "$@"; do
    case "$t" in
      -h | --help) usage; exit 0 ;;
      all | mysql | redis | mongodb) targets+=("$t") ;;
      *) echo "unknown target: $t" >&2; usage >&2; exit 2 ;;
    esac
  done
  [ ${#targets[@]} -gt 0 ] || targets=(all)
  if [ "${targets[*]}" = all ]; then
    targets=()
    [[ "${DATABASE_URL:-}" == mysql://* || "${DATABASE_URL:-}" == mariadb://* ]] && targets+=(mysql)
    [ -n "${REDIS_URL:-}" ] && targets+=(redis)
    [ -n "${MONGODB_URI:-}" ] && targets+=(mongodb)
    if [ ${#targets[@]} -eq 0 ]; then
      echo "nothing to back up: set DATABASE_URL (mysql://), REDIS_URL and/or MONGODB_URI" >&2
      exit 2
    fi
  fi
  make_workdir
  mkdir -p "$BACKUP_DIR"
  for t in "${targets[@]}"; do
    "backup_$t" || failed=1
  done
  exit "$failed"
}

# Sourced by restore.sh for the helpers above; runs only when executed.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
