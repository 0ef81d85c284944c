# Sourced by the load scripts: signs in through TechZone's real sign-in form, as a browser does.
# sign_in BASE USER [JAR]: GETs the page for its antiforgery token and handler, POSTs the credentials
# (TECHZONE_PASSWORD, default the demo's), and prints the auth cookie as "TechZone.Auth=..." — nothing when the
# sign-in failed. The cookie jar is JAR if given (kept for the caller), else a temporary file.
sign_in() {
  local base=$1 user=$2 jar=${3:-} own=0 page token handler
  if [ -z "$jar" ]; then jar=$(mktemp); own=1; fi
  page=$(curl -s -c "$jar" -b "$jar" "$base/account/login")
  token=$(_sign_in_field "$page" __RequestVerificationToken)
  handler=$(_sign_in_field "$page" _handler)
  curl -s -o /dev/null -c "$jar" -b "$jar" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=$handler" \
    --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=${TECHZONE_PASSWORD:-TechZone!2026}" \
    "$base/account/login"
  awk '$6 == "TechZone.Auth" {printf "%s=%s", $6, $7}' "$jar"
  if [ "$own" = 1 ]; then rm -f "$jar"; fi
}

# A hidden field's value in the sign-in page, with the HTML escapes the page uses for base64 undone.
_sign_in_field() {
  printf '%s' "$1" | grep -o "name=\"$2\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//; s/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g'
}
