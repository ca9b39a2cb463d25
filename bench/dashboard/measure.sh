#!/usr/bin/env bash
# Measures how long the dashboard's pages take to render on the embedded default with many jobs.
# Starts the built gateway (dotnet build src/Api -c Release first) on a free loopback port with its own data
# directory, creates a tenant with JOBS jobs (default 1000, each over a 5-row CSV), signs in like a browser
# (antiforgery token + cookie) and fetches every page (the job list unfiltered, its next page and filtered, a job, endpoints,
# models, data, the admin pages, the sign-in page) RUNS times (default 20), printing median and max in ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
JOBS=${JOBS:-1000}
RUNS=${RUNS:-20}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
B=http://127.0.0.1:$port
ADMIN=measure-admin-key-0123456789
mkdir -p "$work/data" "$work/inputs"
head -6 samples/breast-cancer/data/breast_cancer.csv > "$work/inputs/tiny.csv"
OBATCH_DATA_DIR="$work/data" OBATCH_ADMIN_KEY=$ADMIN OBATCH_DATA_ROOTS="$work/inputs" ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning dotnet src/Api/bin/Release/net10.0/OrleansBatch.Api.dll --urls "$B" > "$work/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$B/healthz" > /dev/null; do sleep 0.2; done

json() { curl -sf "$@" -H 'Content-Type: application/json'; }
json -X POST "$B/v1/tenants" -H "Authorization: Bearer $ADMIN" -d '{"name":"measure"}' > /dev/null
KEY=$(json -X POST "$B/v1/tenants/measure/keys" -H "Authorization: Bearer $ADMIN" -d '{"role":"contributor"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
for m in preprocess:cancer-prep model:cancer-clf; do
  curl -sf -X POST "$B/v1/models/${m#*:}/versions" -H "api-key: $KEY" -F "file=@samples/breast-cancer/${m%%:*}.onnx" > /dev/null
done
json -X PUT "$B/v1/endpoints/cancer" -H "api-key: $KEY" -d '{"description":"measure"}' > /dev/null
json -X PUT "$B/v1/endpoints/cancer/deployments/pipeline" -H "api-key: $KEY" \
  -d '{"type":"pipeline","steps":[{"model":"cancer-prep:1"},{"model":"cancer-clf:1"}]}' > /dev/null
json -X POST "$B/v1/data/tiny/versions" -H "api-key: $KEY" -d "{\"type\":\"uri_file\",\"path\":\"$work/inputs/tiny.csv\"}" > /dev/null

echo "Invoking $JOBS jobs..."
body="{\"input\":{\"type\":\"uri_file\",\"path\":\"$work/inputs/tiny.csv\"}}"
seq "$JOBS" | xargs -P 4 -I{} curl -sf -o /dev/null -X POST "$B/v1/endpoints/cancer/jobs" -H "api-key: $KEY" -H 'Content-Type: application/json' -d "$body"
while [ "$(curl -sf "$B/v1/jobs?status=Queued&top=1" -H "api-key: $KEY" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["value"]))')" != 0 ]; do sleep 2; done
JOB=$(curl -sf "$B/v1/jobs?top=1" -H "api-key: $KEY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["value"][0]["name"])')

signin() {
  local jar=$1 key=$2 token
  token=$(curl -s -c "$jar" -b "$jar" "$B/dashboard/signin" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$B/dashboard/signin" --data-urlencode "key=$key" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=signin"
}
signin "$work/tenant.jar" "$KEY"
signin "$work/admin.jar" "$ADMIN"
NEXT=$(curl -s -b "$work/tenant.jar" "$B/dashboard/jobs" | grep -o 'href="[^"]*continuation=[^"]*"' | head -1 | sed 's/href="//;s/"$//;s/&amp;/\&/g')

measure() {
  local jar=$1 path=$2 status
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$B$path")
  for _ in $(seq "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$B$path"; done |
    sort -n | awk -v p="$path" -v s="$status" '{ t[NR] = $1 * 1000 } END { printf "%-60s %3s  median %6.1f ms  max %6.1f ms\n", p, s, t[int((NR + 1) / 2)], t[NR] }'
}
echo "Pages with $JOBS jobs ($RUNS fetches each):"
for path in /dashboard/jobs "$NEXT" "/dashboard/jobs?status=Completed" "/dashboard/jobs?deployment=none-such" "/dashboard/jobs?endpoint=cancer&status=Failed" \
            "/dashboard/jobs/$JOB" /dashboard/endpoints /dashboard/endpoints/cancer /dashboard/models /dashboard/models/cancer-clf /dashboard/data /dashboard/data/tiny; do
  measure "$work/tenant.jar" "$path"
done
for path in /dashboard/tenants /dashboard/cluster; do measure "$work/admin.jar" "$path"; done
measure /dev/null /dashboard/signin
