#!/usr/bin/env bash
# Load test of the pipeline map layers (GET /api/v1/pipelines/map/{network}: the segments in view, simplified for the
# zoom and converted to WGS84 GeoJSON) against a running TechZone on a scaled database (`seed --scale 100000`:
# 1,000,000 pipe segments in a 30 km square from 117.2°E 39.0°N; see docs/perf.md).
# usage: bench/load/pipelines-map.sh [base-url] [seconds]
# Signs in as the planning department's head through the real sign-in form (cookie), then runs wrk on one connection
# for a street view (zoom 17, about 400 m across) and a district view (zoom 14, capped at 5,000 segments).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/signin-form.sh"
base=${1:-http://127.0.0.1:5080}
seconds=${2:-15}
user=${TECHZONE_USER:-planning}

cookie=$(sign_in "$base" "$user")
[ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }

network=$(curl -s -H "Cookie: $cookie" "$base/api/v1/pipelines/networks" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
for view in "17 117.350,39.130,117.355,39.133" "14 117.30,39.10,117.40,39.15"; do
  set -- $view
  url="$base/api/v1/pipelines/map/$network?bbox=$2&zoom=$1"
  features=$(curl -s -H "Cookie: $cookie" "$url" | { grep -o '"type":"Feature"' || true; } | wc -l)
  printf 'GET map zoom %-2s (%5s features)  ' "$1" "$features"
  wrk -t1 -c1 -d"${seconds}s" -H "Cookie: $cookie" -s "$here/percentiles.lua" "$url" | grep '^RESULT' | sed 's/^RESULT //'
done
