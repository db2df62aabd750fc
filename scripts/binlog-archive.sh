#!/usr/bin/env bash
# MySQL/MariaDB binary-log archiving: the piece between two daily full backups that makes the
# runbook's RPO of 1 hour true (a restore to any second up to the last archived log).
#
#   scripts/binlog-archive.sh            archive every closed binlog not archived yet, once
#   scripts/binlog-archive.sh --loop N   the same every N seconds (compose's binlog-archiver)
#
# Each run first rotates the server's binlog (FLUSH BINARY LOGS), so everything written up to
# now is in a closed file, then copies each closed file it does not have over the replication
# protocol (mysqlbinlog --read-from-remote-server --raw) to
#   $BACKUP_DIR/binlog/<file>.gz
# through a .partial file, verified with mysqlbinlog before the rename. Archived files older than
# BINLOG_RETENTION_DAYS (default 8: longer than the full backups' cycle) are deleted. The server
# keeps its own logs for binlog_expire_logs_seconds (compose: 7 days), so a missed run loses nothing.
#
# Reads DATABASE_URL like backup.sh; the account needs REPLICATION SLAVE (MySQL 8: REPLICATION
# REPLICA), REPLICATION CLIENT (BINLOG MONITOR on MariaDB) and RELOAD. The application account
# has none of these: use the backup account (compose: root; chart: backup.binlog.existingSecret).
# Restore to a point in time: scripts/restore.sh mysql-pitr (docs/运维手册.md §时间点恢复).
# Exit status: 0 done, 1 failed.
set -Eeuo pipefail
umask 077
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/backup.sh
. "$SCRIPT_DIR/backup.sh"
BINLOG_RETENTION_DAYS=${BINLOG_RETENTION_DAYS:-8}

# mysqlbinlog from MySQL reads MySQL's logs; MariaDB's reads MariaDB's (Debian names it both).
binlog_tool() { command -v mariadb-binlog || command -v mysqlbinlog; }

archive_once() {
  local dir="$BACKUP_DIR/binlog" tool logs name size archived=0 current
  tool=$(binlog_tool) || { fail "binlog: mysqlbinlog is not installed"; return 1; }
  parse_mysql_url "${DATABASE_URL:-}" || return 1
  mysql_defaults_file
  # mysqlbinlog takes the connection options but not default-character-set.
  grep -v '^default-character-set=' "$MYSQL_CNF" >"$WORK/binlog.cnf"
  [ "$(mysql_query 'SELECT @@log_bin')" = 1 ] || { fail "binlog: binary logging is off on $DB_HOST (log_bin)"; return 1; }
  mkdir -p "$dir"
  mysql_query 'FLUSH BINARY LOGS' || { fail "binlog: FLUSH BINARY LOGS refused (the account needs RELOAD)"; return 1; }
  logs=$(mysql_query 'SHOW BINARY LOGS') || { fail "binlog: SHOW BINARY LOGS refused (REPLICATION CLIENT)"; return 1; }
  # The last listed log is the one being written: never archived half-written.
  current=$(tail -n 1 <<<"$logs" | cut -f1)
  while IFS=$'\t' read -r name size _; do
    [ -n "$name" ] && [ "$name" != "$current" ] || continue
    [ -e "$dir/$name.gz" ] && continue
    local raw="$WORK/raw"
    rm -rf "$raw" && mkdir -p "$raw"
    # --raw writes the file byte for byte as the server has it; the password stays in MYSQL_CNF.
    if ! "$tool" --defaults-extra-file="$WORK/binlog.cnf" --read-from-remote-server --raw \
      --result-file="$raw/" "$name" 2>"$WORK/err"; then
      fail "binlog: copying $name failed: $(tail -1 "$WORK/err")"
      return 1
    fi
    if [ "$(stat -c %s "$raw/$name")" != "$size" ] || ! "$tool" "$raw/$name" >/dev/null 2>"$WORK/err"; then
      fail "binlog: $name copied but does not verify ($size bytes expected): $(tail -1 "$WORK/err")"
      return 1
    fi
    gzip -c "$raw/$name" >"$dir/$name.gz.partial"
    mv "$dir/$name.gz.partial" "$dir/$name.gz"
    archived=$((archived + 1))
    log "binlog: archived $name ($size bytes)"
    if [ -n "${BACKUP_UPLOAD_CMD:-}" ]; then
      sh -c "$BACKUP_UPLOAD_CMD" sh "$dir/$name.gz" || { fail "binlog: BACKUP_UPLOAD_CMD failed for $name"; return 1; }
    fi
  done <<<"$logs"
  find "$dir" -maxdepth 1 -name '*.gz' -mtime +"$BINLOG_RETENTION_DAYS" -delete
  echo "binlog ok $archived archived, current $current"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  make_workdir
  case "${1:-}" in
    '') archive_once ;;
    --loop)
      interval=${2:?--loop needs seconds}
      while :; do
        archive_once || log "binlog: will retry in ${interval}s"
        sleep "$interval"
      done
      ;;
    *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
fi
