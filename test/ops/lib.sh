#!/usr/bin/env bash
# Helpers for the operations checks (sourced). Every background process started here is
# recorded and killed by its pid in ops_cleanup; every wait has a deadline.

OPS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OPS_PIDS=()
OPS_PIDFILES=()
OPS_DBS=()
declare -A API_PID=()
OPS_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sutwxapp-ops.XXXXXX")

note() { printf '  %s\n' "$*"; }

ops_cleanup() {
  local pid f
  # Daemons started by restore.sh --start-cmd write a pid file.
  for f in "${OPS_PIDFILES[@]}"; do
    [ -s "$f" ] && OPS_PIDS+=("$(cat "$f")")
  done
  for pid in "${OPS_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${OPS_PIDS[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  local db
  for db in "${OPS_DBS[@]}"; do
    ops_mysql -e "DROP DATABASE IF EXISTS \`$db\`" >/dev/null 2>&1 || true
  done
  rm -rf "$OPS_TMP"
}
trap ops_cleanup EXIT
trap 'exit 130' INT TERM

# A TCP port on 127.0.0.1 that nothing listens on (never 3000, 3306 or 6379).
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((40000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# The CI MariaDB, as the account .ci/run gives us (DB_USER / DB_PASS).
ops_mysql() {
  local args=(-h127.0.0.1 -P3306 -u"${DB_USER:-root}" --default-character-set=utf8mb4)
  [ -z "${DB_PASS:-}" ] || args+=(-p"$DB_PASS")
  timeout 30 mysql "${args[@]}" "$@"
}
# A fresh database of our own; dropped again on exit.
ops_create_db() {
  ops_mysql -e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" &&
    OPS_DBS+=("$1")
}
ops_db_url() {
  echo "mysql://${DB_USER:-root}${DB_PASS:+:$DB_PASS}@127.0.0.1:3306/$1"
}

# A throwaway redis-server with its own port and directory (the CI Redis is never flushed).
start_redis() { # port dir
  mkdir -p "$2"
  redis-server --port "$1" --bind 127.0.0.1 --dir "$2" --save '' --appendonly no \
    --daemonize no --logfile "$2/redis.log" &
  OPS_PIDS+=($!)
  wait_for 10 "redis on :$1" redis-cli -p "$1" ping
}

# A throwaway mariadbd with binary logging on, on its own port and data directory (the CI
# MariaDB is not touched); extra mariadbd flags go after the binlog ones. Returns once it answers.
start_binlog_mariadb() { # dir port [mariadbd flags...]
  local d=$1 port=$2
  shift 2
  mkdir -p "$d"
  # mariadbd runs as mysql: let it reach its directory inside our private temp dir.
  chmod 711 "$OPS_TMP"
  chown mysql:mysql "$d" 2>/dev/null || true
  if ! timeout 60 mariadb-install-db --user=mysql --datadir="$d/data" --auth-root-authentication-method=normal \
    >"$d/install.log" 2>&1; then
    note "mariadb-install-db failed: $(tail -2 "$d/install.log")"
    return 1
  fi
  mariadbd --user=mysql --datadir="$d/data" --port="$port" --bind-address=127.0.0.1 --socket="$d/mysqld.sock" \
    --log-bin="$d/data/binlog" --server-id=1 "$@" --pid-file="$d/mysqld.pid" --skip-name-resolve \
    >"$d/mariadbd.log" 2>&1 &
  OPS_PIDS+=($!)
  wait_for 30 "mariadbd on :$port" timeout 20 mysql -h127.0.0.1 -P"$port" -uroot -e 'SELECT 1'
}

# Named checks: `ops_checks name...` lists them; `pass name` / `fail name [why]` record each
# outcome, and on exit one CHECK line per name is printed (FAIL for any never passed).
CHECKS=()
declare -A RESULT=()
pass() { RESULT[$1]=PASS; }
fail() { RESULT[$1]=FAIL; shift; [ $# -eq 0 ] || note "$*"; }
ops_report() {
  local c
  for c in "${CHECKS[@]}"; do echo "CHECK ${RESULT[$c]:-FAIL} $c"; done
}
ops_checks() { # name...
  CHECKS=("$@")
  trap 'ops_report; ops_cleanup' EXIT
}

# Environment of an API process for these checks.
api_env() { # port database_url redis_url prefix
  echo NODE_ENV=development PORT="$1" HOST=127.0.0.1 DATABASE_URL="$2" REDIS_URL="$3" \
    REDIS_KEY_PREFIX="$4" JWT_SECRET=ops-checks-secret-0123456789abcdef0123456789 \
    SEED_DEMO=false MIGRATE_ON_START=false WECHAT_SANDBOX=true LOG_LEVEL=info OPENAPI_DOCS=true \
    DATA_DIR="$OPS_TMP/data" TRUST_PROXY=loopback
}
# Migrations and the operator account, the way compose's `migrate` service does it.
prepare_db() { # database_url
  (
    cd "$OPS_ROOT" || exit 1
    # shellcheck disable=SC2046
    env $(api_env 0 "$1" '' x:) timeout 60 node dist/apps/api/src/database/cli.js run &&
      env $(api_env 0 "$1" '' x:) timeout 60 node dist/apps/api/src/cli/admin-create.js \
        --username ops --password ops-checks-password
  )
}
start_api() { # name port database_url redis_url prefix
  (
    cd "$OPS_ROOT" || exit 1
    # shellcheck disable=SC2046
    exec env $(api_env "$2" "$3" "$4" "$5") node dist/apps/api/src/main.js
  ) >"$OPS_TMP/$1.log" 2>&1 &
  OPS_PIDS+=($!)
  # shellcheck disable=SC2034 # read by the scripts that source this file
  API_PID[$1]=$!
  if ! wait_for 40 "$1 on :$2" curl -fsS -o /dev/null "http://127.0.0.1:$2/api/v1/health/live"; then
    tail -20 "$OPS_TMP/$1.log" | cut -c1-300 | sed 's/^/    /'
    return 1
  fi
}

wait_for() { # seconds description command...
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge "$deadline" ]; then
      note "timed out waiting for $what"
      return 1
    fi
    sleep 0.2
  done
}

# curl with a deadline; prints the status code.
status_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$@"; }
