#!/usr/bin/env bash
# The cost of a sign-in (issue 9): its cost is the password hash by design (ASP.NET Core Identity's PBKDF2), so it is
# measured on its own. Runs N sign-ins through the real form (GET the page for its antiforgery token, POST the
# credentials, expect the auth cookie) with C at a time, against a running TechZone whose process id
# is given, and reports sign-ins per second and the app's CPU time per sign-in (from /proc/PID/stat).
# usage: bench/load/signin.sh PID [base-url] [count] [concurrency]
set -euo pipefail
pid=$1
base=${2:-http://127.0.0.1:5080}
count=${3:-100}
concurrency=${4:-4}
user=${TECHZONE_USER:-planning}
password=${TECHZONE_PASSWORD:-TechZone!2026}

here=$(cd "$(dirname "$0")" && pwd)
. "$here/signin-form.sh"
one() { if [ -n "$(sign_in "$base" "$user")" ]; then echo ok; else echo failed; fi; }
export -f one sign_in _sign_in_field; export base user TECHZONE_PASSWORD="$password"

cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }   # user + system time, in clock ticks
ticks=$(getconf CLK_TCK)
one > /dev/null   # warm-up: JIT and the first database connection

# The sign-in page alone, to tell its share of the CPU from the password check's.
before=$(cpu)
seq "$count" | xargs -P "$concurrency" -I{} curl -s -o /dev/null "$base/account/login"
after=$(cpu)
awk -v n="$count" -v b="$before" -v a="$after" -v t="$ticks" 'BEGIN { printf "sign-in page alone: app CPU %.1f ms per request\n", (a - b) / t * 1000 / n }'

before=$(cpu); start=$(date +%s.%N)
results=$(seq "$count" | xargs -P "$concurrency" -I{} bash -c one)
end=$(date +%s.%N); after=$(cpu)
ok=$(grep -c '^ok' <<< "$results" || true)
awk -v n="$count" -v ok="$ok" -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v t="$ticks" -v c="$concurrency" 'BEGIN {
  printf "sign-ins: %d of %d succeeded, %d at a time; %.1f sign-ins/s; app CPU %.1f ms per sign-in (page + POST)\n",
    ok, n, c, n / (e - s), (a - b) / t * 1000 / n }'
