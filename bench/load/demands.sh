#!/usr/bin/env bash
# Load test of the busiest registry and demand reads against a running TechZone (issue 4's speed target).
# usage: bench/load/demands.sh [base-url] [connections] [seconds]
# Signs in as the service department's head through the real sign-in form (cookie), then runs wrk on each path:
# first with one connection (the server time of a request, which the p95 target is about), then with the given
# number of connections (throughput). Prints one RESULT line per run (see percentiles.lua). Start the app on a
# scaled database first (see docs/perf.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/signin-form.sh"
base=${1:-http://127.0.0.1:5080}
connections=${2:-50}
seconds=${3:-15}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

cookie=$(sign_in "$base" service "$jar")
[ -n "$cookie" ] && [ "$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $cookie" "$base/api/v1/enterprises?pageSize=1")" = 200 ] || { echo "bench: sign-in failed" >&2; exit 1; }

# The service department's id (the second department the demo zone seeds).
department=${DEPARTMENT:-2}
paths=(
  "/api/v1/enterprises?pageSize=20"
  "/api/v1/enterprises?search=%E5%A4%A9%E6%B4%A5%E5%8D%8E%E4%BF%A1&pageSize=20"
  "/api/v1/enterprises?search=tjhx&pageSize=20"
  "/api/v1/enterprises?parkId=1&pageSize=20"
  "/api/v1/demands?pageSize=20"
  "/api/v1/demands?open=true&pageSize=20"
  "/api/v1/demands?open=true&departmentId=$department&pageSize=20"
  "/api/v1/demands?light=Red&pageSize=20"
  "/api/v1/demands?search=%E4%BA%A7%E4%B8%9A%E7%A9%BA%E9%97%B4&pageSize=20"
  "/api/v1/demands?search=%E6%8B%9B%E8%81%98&pageSize=20"
  "/api/v1/demands/board"
)
for p in "${paths[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$p")
  for c in 1 "$connections"; do
    printf '%-80s HTTP %s  c=%-4s ' "$p" "$code" "$c"
    wrk -t"$([ "$c" = 1 ] && echo 1 || echo 2)" -c"$c" -d"${seconds}s" -H "Cookie: $cookie" -s "$here/percentiles.lua" "$base$p" | grep '^RESULT' | sed 's/^RESULT //'
  done
done
