#!/usr/bin/env bash
# Signed in on one instance, still signed in on the other: signs in through instance A's login form, then calls an
# API on instance B directly with that cookie, then 10 calls through the proxy (which answer from both instances).
# usage: bench/cluster/prove-signin.sh [proxy-port] [port-a] [port-b]   (with bench/cluster/run.sh running)
set -euo pipefail
proxy=${1:-5090}; a=${2:-5091}; b=${3:-5092}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
page=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$a/account/login")
field() { printf '%s' "$page" | grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//; s/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g'; }
curl -s -o /dev/null -c "$jar" -b "$jar" \
  --data-urlencode "__RequestVerificationToken=$(field __RequestVerificationToken)" --data-urlencode "_handler=$(field _handler)" \
  --data-urlencode "Input.UserName=service" --data-urlencode "Input.Password=${TECHZONE_PASSWORD:-TechZone!2026}" \
  "http://127.0.0.1:$a/account/login"
cookie=$(awk '$6 == "TechZone.Auth" {printf "%s=%s", $6, $7}' "$jar")
[ -n "$cookie" ] || { echo "prove: sign-in on :$a failed"; exit 1; }
api=/api/v1/enterprises?pageSize=1
anon=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$b$api")
onb=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$b$api")
echo "signed in on :$a; on :$b without cookie HTTP $anon, with it HTTP $onb"
[ "$onb" = 200 ] && [ "$anon" != 200 ] || exit 1
for _ in $(seq 1 10); do
  curl -s -o /dev/null -D - -H "Cookie: $cookie" "http://127.0.0.1:$proxy$api" | tr -d '\r' | awk '/^HTTP/ {c=$2} /^X-Upstream/ {u=$2} END {print c, u}'
done | sort | uniq -c
