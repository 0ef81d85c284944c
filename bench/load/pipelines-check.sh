#!/usr/bin/env bash
# Load test of the conflict check through the API (issue 8: POST /api/v1/pipelines/check, p95 ≤ 10 ms) against a
# running TechZone on a scaled database (`seed --scale 100000`: 1,000,000 pipe segments; see docs/perf.md).
# usage: bench/load/pipelines-check.sh [base-url] [connections] [seconds]
# Signs in as the planning department's head through the real sign-in form (cookie), checks one area by curl (shows
# the answer), then runs wrk with a new random work area per request (pipelines-check.lua): one connection (the
# server time of a check, which the target is about), then the given number of connections (throughput).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/signin-form.sh"
base=${1:-http://127.0.0.1:5080}
connections=${2:-8}
seconds=${3:-15}
user=${TECHZONE_USER:-planning}

cookie=$(sign_in "$base" "$user")
[ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }

# A 40 m × 40 m pit in the middle of the scaled square: expect a few conflicts.
area='{\"type\":\"Polygon\",\"coordinates\":[[[117.37,39.13],[117.3705,39.13],[117.3705,39.1304],[117.37,39.1304],[117.37,39.13]]]}'
code=$(curl -s -o /tmp/pipelines-check.json -w '%{http_code}' -H "Cookie: $cookie" -H 'Content-Type: application/json' \
  -d "{\"area\":\"$area\"}" "$base/api/v1/pipelines/check")
echo "one check: HTTP $code $(head -c 300 /tmp/pipelines-check.json)"
[ "$code" = 200 ] || exit 1

for c in 1 "$connections"; do
  printf 'POST /api/v1/pipelines/check  c=%-4s ' "$c"
  wrk -t"$([ "$c" = 1 ] && echo 1 || echo 2)" -c"$c" -d"${seconds}s" -H "Cookie: $cookie" -s "$here/pipelines-check.lua" "$base/api/v1/pipelines/check" | grep '^RESULT' | sed 's/^RESULT //'
done
