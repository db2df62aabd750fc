#!/usr/bin/env bash
# With binary logging on, backup.sh records the binlog position in the dump (the starting
# point of a point-in-time recovery, runbook §10), and an account without RELOAD /
# REPLICATION CLIENT still gets a complete dump. Runs a throwaway mariadbd with --log-bin on
# a random port and its own data directory (the CI MariaDB is not touched).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

NAME=backup-records-binlog-position
ok=0
trap 'if [ $ok = 1 ]; then echo "CHECK PASS $NAME"; else echo "CHECK FAIL $NAME"; fi; ops_cleanup' EXIT

D=$OPS_TMP/mariadb
PORT=$(free_port)
start_binlog_mariadb "$D" "$PORT" || exit 1
sql() { timeout 20 mysql -h127.0.0.1 -P"$PORT" -uroot --default-character-set=utf8mb4 -e "$1"; }
sql "CREATE DATABASE shop CHARACTER SET utf8mb4; CREATE TABLE shop.t (id INT PRIMARY KEY, n VARCHAR(20));
  INSERT INTO shop.t VALUES (1, '小明😀');
  CREATE USER app@'127.0.0.1' IDENTIFIED BY 'app-password'; GRANT ALL ON shop.* TO app@'127.0.0.1';" || exit 1

export BACKUP_DIR=$D/backups
DATABASE_URL=mysql://root@127.0.0.1:$PORT/shop timeout 60 "$OPS_ROOT/scripts/backup.sh" mysql >"$D/root.out" 2>"$D/root.err"
root_file=$(awk '{print $4}' "$D/root.out")
position=$(gzip -dc "$root_file" 2>/dev/null | grep -m1 -E '^-- CHANGE (MASTER|REPLICATION SOURCE) TO')
sleep 1
DATABASE_URL=mysql://app:app-password@127.0.0.1:$PORT/shop timeout 60 "$OPS_ROOT/scripts/backup.sh" mysql >"$D/app.out" 2>"$D/app.err"
app_file=$(awk '{print $4}' "$D/app.out")
note "root (binlog on): ${position:-no position recorded}"
note "application account: $(grep -o 'binlog position not recorded.*' "$D/app.err" || echo 'no note')"
if [ -n "$position" ] && [ -n "$app_file" ] && gzip -dc "$app_file" | grep -q 'Dump completed' &&
  ! gzip -dc "$app_file" | grep -q 'CHANGE MASTER TO' && gzip -dc "$app_file" | grep -q "小明😀"; then
  ok=1
fi
