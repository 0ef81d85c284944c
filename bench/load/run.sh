#!/usr/bin/env bash
# The load test of issue 9, in one command: starts TechZone (Release build) on loopback against a scaled database,
# then measures with wrk, at 50 and 200 connections, the busiest paths — enterprise search, a department's demand
# list, an enterprise's policy verdicts, a pipeline conflict check, the supervision board — and the two references
# inside the same app (bench/load is the only user of them): /bench/trivial, a constant answer, and
# /bench/enterprises, a bare EF Core paged query. Prints one row per path and connection count, then a Markdown table
# with requests/s, p50 / p99 and errors, and each path's throughput as a share of both references.
# usage: bench/load/run.sh sqlite:/tmp/tz-scale.db | postgres:tz_scale   [seconds per run, default 10]
#        (make the database first: `dotnet run --project src/TechZone -c Release -- seed --scale 100000`, docs/perf.md)
# env:   TECHZONE_POSTGRES  server connection string (default: the CI server on 127.0.0.1:5432)
#        PORT               the app's port (default 5080)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/signin-form.sh"
target=${1:?usage: bench/load/run.sh sqlite:FILE | postgres:DATABASE [seconds]}
seconds=${2:-10}
port=${PORT:-5080}
base=http://127.0.0.1:$port
server=${TECHZONE_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=techzone-ci"}
case "$target" in
  sqlite:*) provider=Sqlite; connection="Data Source=${target#sqlite:}" ;;
  postgres:*) provider=Postgres; connection="$server;Database=${target#postgres:}" ;;
  *) echo "run: the database is sqlite:FILE or postgres:DATABASE" >&2; exit 1 ;;
esac
command -v wrk >/dev/null || { echo "run: wrk is missing (apt-get install wrk)" >&2; exit 1; }

dll="$root/src/TechZone/bin/Release/net10.0/TechZone.dll"
dotnet build "$root/src/TechZone" -c Release -v q -nologo >/dev/null
log=$(mktemp /tmp/techzone-load.XXXXXX.log)
# The background timers are off: a sweep or refresh in the middle of a run is not what the paths cost. Production,
# as deployed: Development also checks every service resolution's scope, which costs per request.
( cd "$root/src/TechZone" && ASPNETCORE_ENVIRONMENT=Production Database__Provider=$provider ConnectionStrings__TechZone="$connection" \
    Bench__Endpoints=true Demands__EscalationMinutes=0 Pipelines__EscalationMinutes=0 Policies__RefreshSeconds=0 \
    Logging__LogLevel__Default=Warning exec dotnet "$dll" --urls "$base" ) > "$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ] && break
  kill -0 $app 2>/dev/null || { tail -30 "$log"; exit 1; }
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/bench/trivial")" = 200 ] || { echo "run: the app did not start (log $log)" >&2; exit 1; }

service=$(sign_in "$base" service); economy=$(sign_in "$base" economy); planning=$(sign_in "$base" planning)
[ -n "$service" ] && [ -n "$economy" ] && [ -n "$planning" ] || { echo "run: sign-in failed" >&2; exit 1; }
# 飞腾 (a demo enterprise) for its policy verdicts; the service department (the second the demo seeds) for its list.
feiteng=$(curl -s -H "Cookie: $service" "$base/api/v1/enterprises?search=%E9%A3%9E%E8%85%BE%E4%BF%A1%E6%81%AF&pageSize=1" | sed -n 's/.*"items":\[{"id":\([0-9]*\).*/\1/p')
[ -n "$feiteng" ] || { echo "run: 飞腾 not found" >&2; exit 1; }

# name | cookie | path | wrk script (GET when empty)
paths=(
  "trivial (reference)||/bench/trivial|"
  "bare EF paged query (reference)||/bench/enterprises?page=50|"
  "enterprise search 天津华信|$service|/api/v1/enterprises?search=%E5%A4%A9%E6%B4%A5%E5%8D%8E%E4%BF%A1&pageSize=20|"
  "enterprise search tjhx|$service|/api/v1/enterprises?search=tjhx&pageSize=20|"
  "a department's open demands|$service|/api/v1/demands?open=true&departmentId=2&pageSize=20|"
  "an enterprise's policy verdicts|$economy|/api/v1/policies/enterprises/$feiteng/verdicts|"
  "pipeline conflict check|$planning|/api/v1/pipelines/check|$here/pipelines-check.lua"
  "supervision board|$service|/api/v1/demands/board|"
)
results=$(mktemp)
for entry in "${paths[@]}"; do
  IFS='|' read -r name cookie path script <<< "$entry"
  # Warm-up first: the JIT's tiered compilation is still busy well after the first requests, and a cold run
  # measures the compiler rather than the path.
  common=(-t2 --timeout 10s)
  [ -n "$cookie" ] && common+=(-H "Cookie: $cookie")
  wrk "${common[@]}" -c50 -d5s ${script:+-s "$script"} "$base$path" > /dev/null
  for c in 50 200; do
    line=$(wrk "${common[@]}" -c"$c" -d"${seconds}s" -s "${script:-$here/percentiles.lua}" "$base$path" | grep '^RESULT' | sed 's/^RESULT //')
    printf '%-34s c=%-4s %s\n' "$name" "$c" "$line"
    printf '%s|%s|%s\n' "$name" "$c" "$line" >> "$results"
  done
done

echo
echo "| path | connections | requests/s | p50 ms | p99 ms | errors | × trivial | × bare EF |"
echo "|---|---|---|---|---|---|---|---|"
awk -F'|' '
  function field(line, key,   m) { if (match(line, key "=[0-9.]+")) { m = substr(line, RSTART + length(key) + 1, RLENGTH - length(key) - 1); return m + 0 } return 0 }
  { name[NR] = $1; conns[NR] = $2; rps[NR] = field($3, "rps"); p50[NR] = field($3, "p50"); p99[NR] = field($3, "p99")
    errs[NR] = field($3, "errors") + field($3, "non2xx")
    if ($1 ~ /^trivial/) trivial[$2] = rps[NR]; if ($1 ~ /^bare EF/) bare[$2] = rps[NR] }
  END { for (i = 1; i <= NR; i++)
    if (rps[i] == 0) printf "| %s | %s | 0 | — | — | every request over the 10 s timeout | 0 | 0 |\n", name[i], conns[i]
    else printf "| %s | %s | %d | %.1f | %.1f | %d | %.3f | %.2f |\n", name[i], conns[i], rps[i], p50[i], p99[i], errs[i],
      trivial[conns[i]] ? rps[i] / trivial[conns[i]] : 0, bare[conns[i]] ? rps[i] / bare[conns[i]] : 0 }' "$results"
rm -f "$results"
