#!/usr/bin/env bash
# The test command: installs what the tests need, builds everything, runs every test project and
# prints one plain line "N passed, N failed" computed from the TRX results. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/services.sh

ensure_packages poppler-utils qpdf fonts-liberation2 chromium chromium-driver openssl
# Browser tests fail (not skip) when the browser is missing under this script.
export SMARTOFFICE_TEST_BROWSER=1
start_postgres
start_rabbitmq
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
