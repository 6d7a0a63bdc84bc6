#!/usr/bin/env bash
# The test command: installs what the tests need, builds everything, runs every test project and
# prints one plain line "N passed, N failed" computed from the TRX results. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/services.sh

ensure_packages poppler-utils fonts-liberation2 chromium chromium-driver openssl libnss3-tools qpdf
# Node signs letters for the Signing tests (tests/tools/signpdf). Debian's nodejs + npm, unless a node that brings
# its own npm is there already (NodeSource's nodejs does, and conflicts with Debian's npm package).
command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm
# Node trusts only its own CA list unless told: on a network whose TLS proxy the system's CA store vouches for, npm
# would otherwise retry each download for minutes. The system store is added when there is one.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
# npm ci only when node_modules is missing or older than the lock file (npm writes node_modules/.package-lock.json).
# signpdf signs letters for the Signing tests; axe checks the workspace's pages in the browser tests.
for tool in tests/tools/signpdf tests/tools/axe; do
  if [ "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]; then
    npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error >/dev/null || echo "npm ci --prefix $tool failed"
  fi
done
# Browser tests and the other-signer tests fail (not skip) when their tools are missing under this script.
export SMARTOFFICE_TEST_BROWSER=1
start_postgres
start_rabbitmq
# The cluster test (two Apis and two Workers on a three-node RabbitMQ cluster; docs/operations.md) takes two to three
# minutes with the cluster's start, so it runs when asked (SMARTOFFICE_TEST_CLUSTER=1) and whenever the code under
# test changes the delivery code against its parent commit, or git cannot tell.
if [ "${SMARTOFFICE_TEST_CLUSTER:-}" = "1" ] || delivery_code_changed; then
  export SMARTOFFICE_TEST_CLUSTER=1
  start_rabbitmq_cluster
fi
export CI=${CI:-}

results=$(pwd)/TestResults
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build SmartOffice.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

summary=$(python3 scripts/trx_summary.py "$results"/*.trx) || { echo "no test results"; echo "0 passed, 1 failed"; exit 1; }
echo "$summary"
failed=$(echo "$summary" | sed -E 's/.*, ([0-9]+) failed.*/\1/')
passed=$(echo "$summary" | sed -E 's/^([0-9]+) passed.*/\1/')
if [ "$status" -ne 0 ] || [ "$failed" != "0" ] || [ "$passed" = "0" ]; then
  exit 1
fi
