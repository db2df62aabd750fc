#!/usr/bin/env bash
# Our alert rules on the real Prometheus (Debian's) against a running API on MariaDB + Redis:
#   alerts-dependency-outage-pages-nobody  Redis dies with no user traffic: readiness answers 503
#       to the probes, ApiDependencyDown (warning) fires, ApiHighErrorRate never even goes pending
#       (while the rule as it was before user-route classes would have been above its threshold)
#   alerts-latency-burst          user requests held 2.5 s by a table lock: ApiHighResponseTime fires
#   alerts-error-burst            a table the cart needs is gone: 5xx to users, ApiHighErrorRate fires
#   alerts-reach-robot            Alertmanager (Debian's, our config) sends the critical alert through
#                                 robot-bridge to a local fake WeCom robot, in Chinese
# Time is compressed, nothing else: `for:` and range windows of our rules are shortened
# (5m → 20s …) in a copy; scrape and evaluation every 2 s. Everything binds 127.0.0.1 on random
# ports; the CI MariaDB gets a database of its own, dropped on exit.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$OPS_ROOT" || exit 1
NAMES=(alerts-dependency-outage-pages-nobody alerts-latency-burst alerts-error-burst alerts-reach-robot)
report_missing() { local n; for n in "${NAMES[@]}"; do grep -q "^CHECK [A-Z]* $n\$" "$OPS_TMP/checks" 2>/dev/null || echo "CHECK FAIL $n"; done; ops_cleanup; }
trap report_missing EXIT
: >"$OPS_TMP/checks"

DB=sutwxapp_alerts_$$
ops_create_db "$DB" || exit 1
DBURL=$(ops_db_url "$DB")
prepare_db "$DBURL" >"$OPS_TMP/prepare.log" 2>&1 || { note "migrations failed: $(tail -3 "$OPS_TMP/prepare.log")"; exit 1; }

REDIS_PORT=$(free_port) API_PORT=$(free_port) METRICS_PORT=$(free_port) PROM_PORT=$(free_port)
AM_PORT=$(free_port) AM_CLUSTER=$(free_port) BRIDGE_PORT=$(free_port) ROBOT_PORT=$(free_port)
start_redis "$REDIS_PORT" "$OPS_TMP/redis" || exit 1
REDIS_PID=${OPS_PIDS[-1]}

# shellcheck disable=SC2046
env $(api_env "$API_PORT" "$DBURL" "redis://127.0.0.1:$REDIS_PORT" alerts:) SEED_DEMO=true METRICS_PORT="$METRICS_PORT" \
  node dist/apps/api/src/main.js >"$OPS_TMP/api.log" 2>&1 &
OPS_PIDS+=($!)
wait_for 60 "API on :$API_PORT" curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/api/v1/health" ||
  { tail -5 "$OPS_TMP/api.log" | cut -c1-300; exit 1; }

# Our rules, with time compressed.
mkdir -p "$OPS_TMP/prom/rules"
sed -E -e 's/for: 5m/for: 20s/; s/for: 2m/for: 10s/; s/for: 1m/for: 6s/; s/for: 15m/for: 30s/' \
  -e 's/\[(5|10)m\]/[20s]/g' deploy/prometheus/rules/sutwxapp.rules.yml >"$OPS_TMP/prom/rules/sutwxapp.rules.yml"
cat >"$OPS_TMP/prom/prometheus.yml" <<YAML
global: { scrape_interval: 2s, scrape_timeout: 2s, evaluation_interval: 2s }
rule_files: [rules/*.yml]
alerting:
  alertmanagers: [{ static_configs: [{ targets: ['127.0.0.1:$AM_PORT'] }] }]
scrape_configs:
  - job_name: sutwxapp-api
    static_configs: [{ targets: ['127.0.0.1:$METRICS_PORT'] }]
YAML
promtool check config "$OPS_TMP/prom/prometheus.yml" >/dev/null || exit 1
prometheus --config.file="$OPS_TMP/prom/prometheus.yml" --storage.tsdb.path="$OPS_TMP/prom/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$OPS_TMP/prom.log" 2>&1 &
OPS_PIDS+=($!)

# Alertmanager with our config, its robot URLs pointed at a local bridge; a fake robot behind it.
mkdir -p "$OPS_TMP/am"
cp -r deploy/alertmanager/templates "$OPS_TMP/am/"
sed -e "s#http://robot-bridge:8060#http://127.0.0.1:$BRIDGE_PORT#" -e 's/group_wait: 30s/group_wait: 1s/' \
  -e '/active_time_intervals/d' deploy/alertmanager/alertmanager.yml >"$OPS_TMP/am/alertmanager.yml"
amtool check-config "$OPS_TMP/am/alertmanager.yml" >/dev/null || exit 1
TZ=Asia/Shanghai prometheus-alertmanager --config.file="$OPS_TMP/am/alertmanager.yml" --storage.path="$OPS_TMP/am/data" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address="127.0.0.1:$AM_CLUSTER" >"$OPS_TMP/am.log" 2>&1 &
OPS_PIDS+=($!)
node -e '
  const { createServer } = require("node:http"); const fs = require("node:fs");
  createServer((q, s) => { let b = ""; q.on("data", (c) => (b += c)); q.on("end", () => {
    fs.appendFileSync(process.argv[1], b + "\n"); s.end(JSON.stringify({ errcode: 0 })); }); })
    .listen(Number(process.argv[2]), "127.0.0.1");' "$OPS_TMP/robot.jsonl" "$ROBOT_PORT" &
OPS_PIDS+=($!)
BRIDGE_HOST=127.0.0.1 BRIDGE_PORT=$BRIDGE_PORT WECOM_WEBHOOK_URL="http://127.0.0.1:$ROBOT_PORT/wecom" \
  DINGTALK_WEBHOOK_URL="http://127.0.0.1:$ROBOT_PORT/dingtalk" node deploy/alertmanager/robot-bridge/bridge.mjs >"$OPS_TMP/bridge.log" 2>&1 &
OPS_PIDS+=($!)
wait_for 30 prometheus curl -fsS -o /dev/null "http://127.0.0.1:$PROM_PORT/-/ready" || { tail -5 "$OPS_TMP/prom.log"; exit 1; }
wait_for 30 alertmanager curl -fsS -o /dev/null "http://127.0.0.1:$AM_PORT/-/ready" || { tail -5 "$OPS_TMP/am.log"; exit 1; }

API_URL="http://127.0.0.1:$API_PORT" PROM_URL="http://127.0.0.1:$PROM_PORT" REDIS_PID=$REDIS_PID REDIS_PORT=$REDIS_PORT \
  REDIS_DIR="$OPS_TMP/redis" DATABASE_URL="$DBURL" ROBOT_FILE="$OPS_TMP/robot.jsonl" \
  timeout 400 node test/ops/alerts-live.mjs | tee -a "$OPS_TMP/checks"
