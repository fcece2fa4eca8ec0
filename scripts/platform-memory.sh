#!/usr/bin/env bash
# Prints the memory of the running local platform (proportional set size, so pages that PostgreSQL's
# processes share are counted once): the launcher JVM, every service JVM it
# started, and the PostgreSQL server it runs (pg_ctl detaches PostgreSQL, so it is found by data folder).
# Usage: scripts/platform-memory.sh [data folder, default ./data]
set -euo pipefail
data=$(realpath "${1:-data}")
launcher=$(pgrep -f 'launcher-exec.jar' | head -n 1) || { echo "the platform is not running" >&2; exit 1; }
descendants() { for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
postmaster=$(pgrep -f "postgres -D $data/postgres" | head -n 1 || true)
total=0
for pid in $launcher $(descendants "$launcher") ${postmaster:+$postmaster $(descendants "$postmaster")}; do
  rss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
  name=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -oE '[a-z-]+-exec\.jar|postgres: [a-z]+( [a-z]+)?|postgres -D' | head -n 1 || true)
  printf '%8d KiB  %6d  %s\n' "${rss:-0}" "$pid" "${name:-?}"
  total=$((total + ${rss:-0}))
done
printf 'total: %d MiB\n' $((total / 1024))
