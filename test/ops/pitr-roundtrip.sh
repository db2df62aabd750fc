#!/usr/bin/env bash
# Point-in-time recovery round trip on a real MariaDB: full backup (backup.sh), writes on both
# sides of a moment T, binlogs archived (binlog-archive.sh), the database lost, then
# restore.sh mysql-pitr to T: exactly the rows written before T, none after; and to a later
# moment: every row. Runs a throwaway mariadbd with --log-bin on a random port and its own data
# directory (the CI MariaDB is not touched).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

ops_checks binlog-archive pitr-restore-to-timestamp pitr-restore-to-latest

D=$OPS_TMP/mariadb
PORT=$(free_port)
start_binlog_mariadb "$D" "$PORT" --binlog-format=MIXED || exit 1
sql() { timeout 20 mysql -h127.0.0.1 -P"$PORT" -uroot --default-character-set=utf8mb4 -N -B -e "$1"; }
sql "CREATE DATABASE shop CHARACTER SET utf8mb4;
  CREATE TABLE shop.orders (id INT PRIMARY KEY, status VARCHAR(20), amount INT) ENGINE=InnoDB;
  INSERT INTO shop.orders VALUES (1, 'PAID', 1990), (2, 'PENDING', 500);" || exit 1

export BACKUP_DIR=$D/backups DATABASE_URL=mysql://root@127.0.0.1:$PORT/shop
timeout 60 "$OPS_ROOT/scripts/backup.sh" mysql >"$D/full.out" 2>"$D/full.err" || { note "backup failed: $(tail -2 "$D/full.err")"; exit 1; }
full=$(awk '{print $4}' "$D/full.out")
note "full backup: $(basename "$full")"

# Before T: an insert, an update and a delete, through the application's default database.
sqlshop() { sql "USE shop; $1"; }
sqlshop "INSERT INTO orders VALUES (3, 'PAID', 4200); UPDATE orders SET status = 'PAID' WHERE id = 2;"
timeout 60 "$OPS_ROOT/scripts/binlog-archive.sh" >"$D/arch1.out" 2>"$D/arch1.err" || { note "archive 1 failed: $(tail -2 "$D/arch1.err")"; exit 1; }
sqlshop "DELETE FROM orders WHERE id = 1;"
sleep 1.2
T=$(date -u '+%Y-%m-%d %H:%M:%S')
sleep 1.2
# After T: what the restore to T must not contain.
sqlshop "INSERT INTO orders VALUES (4, 'PAID', 9999); UPDATE orders SET amount = 0 WHERE id = 3;"
timeout 60 "$OPS_ROOT/scripts/binlog-archive.sh" >"$D/arch2.out" 2>"$D/arch2.err" || { note "archive 2 failed: $(tail -2 "$D/arch2.err")"; exit 1; }
timeout 60 "$OPS_ROOT/scripts/binlog-archive.sh" >"$D/arch3.out" 2>"$D/arch3.err"
archived=$(find "$BACKUP_DIR/binlog" -name '*.gz' | wc -l)
note "archive runs: $(cat "$D/arch1.out") | $(cat "$D/arch2.out") | $(cat "$D/arch3.out"); $archived files"
if [ "$archived" -ge 3 ] && grep -q '^binlog ok 1 archived' "$D/arch3.out" && ! find "$BACKUP_DIR/binlog" -name '*.partial' | grep -q .; then
  pass binlog-archive
fi
latest=$(sql 'SELECT id, status, amount FROM shop.orders ORDER BY id' | tr '\t\n' ',;')

# The disaster: the database is gone.
sql 'DROP DATABASE shop' || exit 1
timeout 120 "$OPS_ROOT/scripts/restore.sh" mysql-pitr "$full" --binlog-dir "$BACKUP_DIR/binlog" --until "$T" \
  >"$D/pitr.out" 2>"$D/pitr.err" || note "restore to T failed: $(tail -3 "$D/pitr.err")"
got=$(sql 'SELECT id, status, amount FROM shop.orders ORDER BY id' 2>&1 | tr '\t\n' ',;')
want='2,PAID,500;3,PAID,4200;'
note "restored to $T UTC: $got (want $want)"
[ "$got" = "$want" ] && pass pitr-restore-to-timestamp

# Refuses to overwrite without --force; to a moment after the last write: the latest state.
if timeout 60 "$OPS_ROOT/scripts/restore.sh" mysql-pitr "$full" --binlog-dir "$BACKUP_DIR/binlog" \
  --until "$(date -u '+%Y-%m-%d %H:%M:%S' -d '+1 minute')" >/dev/null 2>&1; then
  note "restore over existing tables without --force was not refused"
else
  timeout 120 "$OPS_ROOT/scripts/restore.sh" mysql-pitr "$full" --binlog-dir "$BACKUP_DIR/binlog" --force \
    --until "$(date -u '+%Y-%m-%d %H:%M:%S' -d '+1 minute')" >"$D/pitr2.out" 2>"$D/pitr2.err" ||
    note "restore to latest failed: $(tail -3 "$D/pitr2.err")"
  got=$(sql 'SELECT id, status, amount FROM shop.orders ORDER BY id' 2>&1 | tr '\t\n' ',;')
  note "restored to now: $got (want $latest)"
  [ "$got" = "$latest" ] && [ "$latest" = '2,PAID,500;3,PAID,0;4,PAID,9999;' ] && pass pitr-restore-to-latest
fi
