#!/usr/bin/env bash
# Signed in on one instance, still signed in on the other: signs in through instance A's login form, then calls an
# API on instance B directly with that cookie, then 10 calls through the proxy (which answer from both instances).
# usage: bench/cluster/prove-signin.sh [proxy-port] [port-a] [port-b]   (with bench/cluster/run.sh running)
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/../load/signin-form.sh"
proxy=${1:-5090}; a=${2:-5091}; b=${3:-5092}
cookie=$(sign_in "http://127.0.0.1:$a" service)
[ -n "$cookie" ] || { echo "prove: sign-in on :$a failed"; exit 1; }
api=/api/v1/enterprises?pageSize=1
anon=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$b$api")
onb=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$b$api")
echo "signed in on :$a; on :$b without cookie HTTP $anon, with it HTTP $onb"
[ "$onb" = 200 ] && [ "$anon" != 200 ] || exit 1
for _ in $(seq 1 10); do
  curl -s -o /dev/null -D - -H "Cookie: $cookie" "http://127.0.0.1:$proxy$api" | tr -d '\r' | awk '/^HTTP/ {c=$2} /^X-Upstream/ {u=$2} END {print c, u}'
done | sort | uniq -c
