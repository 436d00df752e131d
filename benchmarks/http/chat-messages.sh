#!/usr/bin/env bash
# FAQ answers per second through the chat API, next to the same host's bare GET /health in the same run: starts the
# Release service on a fresh data directory on 127.0.0.1 with the seed knowledge base, loads
# POST /api/chat/messages with wrk for a bounded time (residents @-mentioning the bot in their group), then /health
# for as long. The ratio of the two shows what the dialogue (search, state, de-duplication, commit) costs.
# Usage: benchmarks/http/chat-messages.sh [seconds=15] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
connections=${2:-32}
port=5098
WAIT_FOR_ENTRIES=1 source benchmarks/http/service.sh

echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# A warm-up long enough for tiered compilation to finish promoting the hot path (perf: its thread still takes ~20 %
# of the CPU 25 s into the load, 0.1 % after 50 s), so the figures are of the steady service, not of its first minute.
wrk -t2 -c"$connections" -d45s -s benchmarks/http/chat-message.lua "http://127.0.0.1:$port" -- warmup >/dev/null
echo "== POST /api/chat/messages: wrk -t2 -c$connections -d${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s benchmarks/http/chat-message.lua "http://127.0.0.1:$port" -- measured
echo "== GET /health: wrk -t2 -c$connections -d${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/health"
echo "service RSS: $(($(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024)) MiB"
