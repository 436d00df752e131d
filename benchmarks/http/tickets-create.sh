#!/usr/bin/env bash
# Tickets created per second through the HTTP API: starts the Release service on a fresh data directory on
# 127.0.0.1, loads POST /api/tickets with wrk for a bounded time, then checks the store holds as many tickets as
# wrk got 201s for. Usage: benchmarks/http/tickets-create.sh [seconds=15] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
connections=${2:-32}
port=5099
source benchmarks/http/service.sh --Knowledge:ImportOnFirstStart false

echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; wrk -t2 -c$connections -d${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s benchmarks/http/create-ticket.lua "http://127.0.0.1:$port" | tee "$data/wrk.txt"

token=$(curl -sf -X POST "http://127.0.0.1:$port/api/auth/token" -H 'content-type: application/json' \
  -d '{"user":"district","password":"bench-only-password"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
stored=0
offset=0
while :; do
  page=$(curl -sf "http://127.0.0.1:$port/api/tickets?limit=200&offset=$offset" -H "Authorization: Bearer $token")
  n=$(grep -o '"number":"HQ-' <<<"$page" | wc -l)
  stored=$((stored + n))
  grep -q '"hasMore":true' <<<"$page" || break
  offset=$((offset + 200))
done
echo "tickets stored: $stored; service RSS: $(($(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024)) MiB"
