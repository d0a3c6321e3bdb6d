#!/usr/bin/env bash
# Measures the local stack: wall time from launch to its "ready" line, resident memory (RSS) at
# ready and after 10 s idle, and how long a graceful stop takes.
# Usage: infra/local/measure.sh <launch command...>
#   e.g. infra/local/measure.sh java -jar infra/local/target/local-0.1.0-SNAPSHOT-exec.jar --infra-only --data-dir /tmp/esac-measure
# The stop uses SIGTERM: a background job of a script ignores SIGINT. Both run the same shutdown hook.
set -euo pipefail
out=$(mktemp)
trap 'rm -f "$out"' EXIT
start=$(date +%s%N)
"$@" >"$out" 2>/dev/null &
pid=$!
until grep -q ready "$out"; do
  kill -0 "$pid" 2>/dev/null || { echo "the stack exited before it was ready" >&2; exit 1; }
  sleep 0.02
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rss_ready_kb=$(ps -o rss= -p "$pid")
sleep 10
rss_idle_kb=$(ps -o rss= -p "$pid")
stop_start=$(date +%s%N)
kill -TERM "$pid"
wait "$pid" || true
stop_ms=$(( ($(date +%s%N) - stop_start) / 1000000 ))
echo "ready_ms=$ready_ms rss_ready_mb=$(( rss_ready_kb / 1024 )) rss_idle_mb=$(( rss_idle_kb / 1024 )) stop_ms=$stop_ms"
