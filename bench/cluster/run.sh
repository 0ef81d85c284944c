#!/usr/bin/env bash
# Two TechZone instances on one PostgreSQL database behind nginx (round robin), all on loopback.
# usage: bench/cluster/run.sh [database]      (Ctrl-C stops everything)
# env: TECHZONE_POSTGRES  server connection string (default: the CI server, 127.0.0.1:5432 postgres/techzone-ci)
#      PORT_PROXY PORT_A PORT_B               (default 5090, 5091, 5092)
#      TECHZONE_CONFIG=Release|Debug          which build output to run (default Debug; build first)
# The database is created if missing and migrated/seeded by the first instance; the second starts once the first
# is ready (so that they do not both migrate). Background work (escalation, policy refresh, outbox) runs on both
# and takes a PostgreSQL advisory lock per round, so each round runs once.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
database=${1:-techzone_cluster}
server=${TECHZONE_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=techzone-ci"}
proxy=${PORT_PROXY:-5090}; a=${PORT_A:-5091}; b=${PORT_B:-5092}
dll="$root/src/TechZone/bin/${TECHZONE_CONFIG:-Debug}/net10.0/TechZone.dll"
[ -f "$dll" ] || { echo "cluster: build first ($dll is missing)" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "cluster: nginx is missing (apt-get install nginx)" >&2; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)

run=$(mktemp -d /tmp/techzone-cluster.XXXXXX)
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$run/nginx.pid" ] && kill "$(cat "$run/nginx.pid")" 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM

export PGPASSWORD=$(printf '%s' "$server" | sed -n 's/.*Password=\([^;]*\).*/\1/p')
pghost=$(printf '%s' "$server" | sed -n 's/.*Host=\([^;]*\).*/\1/p')
psql -h "$pghost" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$database'" | grep -q 1 \
  || psql -h "$pghost" -U postgres -d postgres -qc "CREATE DATABASE \"$database\""

start() { # port
  ( cd "$root/src/TechZone" && ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} Database__Provider=Postgres \
      ConnectionStrings__TechZone="$server;Database=$database" exec dotnet "$dll" --urls "http://127.0.0.1:$1" ) \
    > "$run/app-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 360); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready")" = 200 ] && { echo "cluster: instance on :$1 ready (log $run/app-$1.log)"; return; }
    kill -0 "${pids[-1]}" 2>/dev/null || { tail -30 "$run/app-$1.log"; exit 1; }
    sleep 0.5
  done
  echo "cluster: instance on :$1 did not become ready" >&2; exit 1
}
start "$a"
start "$b"

sed -e "s#@RUN@#$run#g" -e "s/@PORT_A@/$a/g; s/@PORT_B@/$b/g; s/@PORT_PROXY@/$proxy/g" "$root/bench/cluster/nginx.conf" > "$run/nginx.conf"
"$nginx" -c "$run/nginx.conf" -p "$run"
echo "cluster: nginx on http://127.0.0.1:$proxy → :$a, :$b (logs in $run)"
wait "${pids[0]}" "${pids[1]}"
