#!/usr/bin/env bash
# Two API processes (sharing a MariaDB database and a Redis) behind deploy/nginx/nginx.conf on
# loopback. The config is used as written; only the upstream addresses, the listen port and
# file paths are rewritten, and the rewrite fails loudly if the file no longer has them.
# Prints one CHECK line per check. Needs a built dist/ (npm run build).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

ops_checks nginx-config-test nginx-two-replicas nginx-metrics-hidden nginx-body-limit nginx-gzip nginx-failover nginx-rate-limit \
  dashboard-and-rules-metrics-exist

P1=$(free_port) P2=$(free_port) PN=$(free_port) PR=$(free_port)
DB=sutwxapp_ops_nginx
T=$OPS_TMP/nginx
mkdir -p "$T"

# ---------------------------------------------------------------- render the config
render() {
  local src=$OPS_ROOT/deploy/nginx/nginx.conf out=$T/nginx.conf
  sed -e "s#listen 80 default_server;#listen 127.0.0.1:$PN default_server;#" \
    -e "s#server api-1:3000 #server 127.0.0.1:$P1 #" \
    -e "s#server api-2:3000 #server 127.0.0.1:$P2 #" \
    -e "s#/var/log/nginx/#$T/#g" \
    -e "s#/etc/nginx/sutwxapp-proxy.conf#$T/sutwxapp-proxy.conf#g" "$src" >"$out"
  cp "$OPS_ROOT/deploy/nginx/sutwxapp-proxy.conf" "$T/"
  local want
  for want in "listen 127.0.0.1:$PN" "server 127.0.0.1:$P1 " "server 127.0.0.1:$P2 " "$T/access.log" "$T/sutwxapp-proxy.conf"; do
    grep -qF "$want" "$out" || { note "nginx.conf changed shape: could not rewrite to '$want'"; return 1; }
  done
  ! grep -qE 'api-[12]:3000|/var/log/nginx|listen 80' "$out"
}
if render && nginx -t -q -c "$T/nginx.conf" -p "$T" -e "$T/error.log" -g "pid $T/nginx.pid;" 2>"$T/t.err"; then
  pass nginx-config-test
  note "nginx -t: $(nginx -v 2>&1), deploy/nginx/nginx.conf + sutwxapp-proxy.conf: syntax ok"
else
  fail nginx-config-test "nginx -t failed: $(cat "$T/t.err" 2>/dev/null)"
  exit 1
fi

# ---------------------------------------------------------------- two replicas
ops_create_db "$DB" || { fail nginx-two-replicas "cannot create database $DB"; exit 1; }
URL=$(ops_db_url "$DB")
start_redis "$PR" "$T/redis" || { fail nginx-two-replicas "redis did not start"; exit 1; }
prepare_db "$URL" >"$T/prepare.log" 2>&1 || { fail nginx-two-replicas "migrations failed: $(tail -3 "$T/prepare.log")"; exit 1; }
if ! start_api api1 "$P1" "$URL" "redis://127.0.0.1:$PR/0" ops-nginx: ||
  ! start_api api2 "$P2" "$URL" "redis://127.0.0.1:$PR/0" ops-nginx:; then
  fail nginx-two-replicas "an API replica did not start"
  exit 1
fi

nginx -c "$T/nginx.conf" -p "$T" -e "$T/error.log" -g "pid $T/nginx.pid; daemon off;" >"$T/nginx.out" 2>&1 &
OPS_PIDS+=($!)
NGINX=http://127.0.0.1:$PN
wait_for 10 "nginx on :$PN" curl -fsS -o /dev/null "$NGINX/nginx-health" || { fail nginx-two-replicas "nginx did not start"; exit 1; }

# The catalog read when the catalog module answers; health alone otherwise.
PATHS=(/api/v1/health/live /api/v1/health)
if [ "$(status_of "http://127.0.0.1:$P1/api/v1/catalog/categories")" = 200 ]; then
  PATHS+=(/api/v1/catalog/categories)
else
  note "GET /api/v1/catalog/categories does not answer 200 yet: checking health and an admin login only"
fi
bad=0
for _ in $(seq 1 8); do
  for p in "${PATHS[@]}"; do
    code=$(status_of "$NGINX$p")
    [ "$code" = 200 ] || { bad=$((bad + 1)); note "GET $p through nginx: $code"; }
    sleep 0.06 # stay under the per-IP rate limit (20 r/s)
  done
done
# A POST with a JSON body through the proxy (the operator login).
login=$(curl -s -m 10 -H 'content-type: application/json' -d '{"username":"ops","password":"ops-checks-password"}' \
  "$NGINX/api/v1/auth/admin-login")
case "$login" in *accessToken*) ;; *) bad=$((bad + 1)); note "admin login through nginx: ${login:0:200}" ;; esac
rid=$(curl -s -m 10 -D - -o /dev/null -H 'X-Request-Id: ops-check-42' "$NGINX/api/v1/health/live" | tr -d '\r' |
  sed -n 's/^x-request-id: //Ip')
[ "$rid" = ops-check-42 ] || { bad=$((bad + 1)); note "X-Request-Id not echoed through nginx (got '$rid')"; }
sleep 0.3
# Every path must have been answered 200 by both replicas (nginx's JSON access log, $upstream_addr).
for p in "${PATHS[@]}"; do
  for port in "$P1" "$P2"; do
    n=$(grep -F "\"uri\":\"$p\"" "$T/access.log" | grep -F "\"status\":200" | grep -cF "\"upstream_addr\":\"127.0.0.1:$port\"")
    note "GET $p -> replica :$port answered $n"
    [ "$n" -gt 0 ] || bad=$((bad + 1))
  done
done
if [ "$bad" -eq 0 ]; then pass nginx-two-replicas; else fail nginx-two-replicas; fi

# ---------------------------------------------------------------- /metrics stays inside
direct=$(status_of "http://127.0.0.1:$P1/metrics")
proxied=$(status_of "$NGINX/metrics")
note "/metrics: replica $direct, through nginx $proxied"
if [ "$direct" = 200 ] && [ "$proxied" = 404 ]; then pass nginx-metrics-hidden; else fail nginx-metrics-hidden; fi

# The dashboard and the alert rules query metric names this API really exports.
curl -s -m 10 "http://127.0.0.1:$P2/metrics" >"$T/metrics.txt"
if "${PYTHON:-python3}" "$OPS_ROOT/test/ops/metrics_check.py" "$T/metrics.txt"; then
  pass dashboard-and-rules-metrics-exist
else
  fail dashboard-and-rules-metrics-exist
fi

# ---------------------------------------------------------------- request size limit
head -c 2000000 /dev/zero | tr '\0' 'a' >"$T/big.json"
big=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'content-type: application/json' --data-binary @"$T/big.json" \
  "$NGINX/api/v1/auth/admin-login")
note "2 MB POST through nginx: $big"
if [ "$big" = 413 ]; then pass nginx-body-limit; else fail nginx-body-limit; fi

# ---------------------------------------------------------------- gzip
enc=$(curl -s -m 10 -D - -o /dev/null -H 'Accept-Encoding: gzip' "$NGINX/api/docs-json" | tr -d '\r' |
  sed -n 's/^content-encoding: //Ip')
note "GET /api/docs-json with Accept-Encoding: gzip -> Content-Encoding: ${enc:-none}"
if [ "$enc" = gzip ]; then pass nginx-gzip; else fail nginx-gzip; fi

# ---------------------------------------------------------------- a replica leaves
# SIGTERM drains and exits 0; nginx keeps answering from the other replica.
kill -TERM "${API_PID[api1]}"
code=''
for _ in $(seq 1 75); do kill -0 "${API_PID[api1]}" 2>/dev/null || break; sleep 0.2; done
if ! kill -0 "${API_PID[api1]}" 2>/dev/null; then wait "${API_PID[api1]}" 2>/dev/null; code=$?; fi
note "replica :$P1 after SIGTERM: exit status ${code:-still running}"
ok=0
for _ in $(seq 1 10); do
  [ "$(status_of "$NGINX/api/v1/health")" = 200 ] && ok=$((ok + 1))
  sleep 0.06
done
note "with one replica gone: $ok/10 readiness requests through nginx answered 200"
if [ "$code" = 0 ] && [ "$ok" = 10 ]; then pass nginx-failover; else fail nginx-failover; fi

# ---------------------------------------------------------------- per-IP rate limit
sleep 2 # let the bucket refill
args=()
for _ in $(seq 1 150); do args+=(-o /dev/null "$NGINX/api/v1/health/live"); done
curl -s -m 20 --parallel --parallel-max 30 -w '%{http_code}\n' "${args[@]}" >"$T/burst.txt" 2>/dev/null
ok=$(grep -c '^200$' "$T/burst.txt")
limited=$(grep -c '^429$' "$T/burst.txt")
note "150 parallel requests from one IP: $ok answered 200, $limited refused with 429 (20 r/s, burst 40)"
if [ "$ok" -gt 0 ] && [ "$limited" -gt 0 ] && [ $((ok + limited)) -eq 150 ]; then pass nginx-rate-limit; else fail nginx-rate-limit; fi
