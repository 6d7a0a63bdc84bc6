#!/usr/bin/env bash
# Re-takes the README's screenshots (docs/screenshots/*.png) by running the browser tests with a screenshot folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_packages chromium chromium-driver fonts-liberation2
export SMARTOFFICE_TEST_BROWSER=1 SMARTOFFICE_SCREENSHOT_DIR="$(pwd)/docs/screenshots"
dotnet test tests/SmartOffice.Browser.Tests --nologo
ls -1 "$SMARTOFFICE_SCREENSHOT_DIR"
