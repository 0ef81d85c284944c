#!/usr/bin/env bash
# Times an enterprise import of N rows (issue 4: 100,000 rows from .xlsx in ≤ 20 s) against a running TechZone:
# writes the file (import-file.cs), has the admin issue an API token for the service department's head, then posts
# the file twice through the API: a dry run (reads and checks every row) and the commit (checks again and writes).
# usage: bench/load/import.sh [base-url] [rows]      (the app in Development, demo users; build src/TechZone first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/signin-form.sh"
base=${1:-http://127.0.0.1:5080}
rows=${2:-100000}
file=/tmp/techzone-import-$rows.xlsx
[ -f "$file" ] || dotnet run "$here/import-file.cs" -- "$rows" "$file"

admin=$(sign_in "$base" admin)
[ -n "$admin" ] || { echo "import: admin sign-in failed" >&2; exit 1; }
token=$(curl -s -H "Cookie: $admin" -H 'Content-Type: application/json' -d '{"name":"import bench","userName":"service","expiresInDays":1}' \
  "$base/api/v1/tokens" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "import: could not issue a token" >&2; exit 1; }

for mode in dryRun=true dryRun=false; do
  out=$(mktemp)
  printf '%-14s ' "$mode"
  curl -s -o "$out" -w 'HTTP %{http_code}  %{time_total} s  ' -H "Authorization: Bearer $token" -F "file=@$file" "$base/api/v1/enterprises/import?$mode"
  sed -n 's/.*"outcome":"\([^"]*\)","total":\([0-9]*\),"valid":\([0-9]*\),"invalid":\([0-9]*\),"imported":\([0-9]*\).*/\1: total \2, valid \3, invalid \4, imported \5/p' "$out"
  echo; rm -f "$out"
done
