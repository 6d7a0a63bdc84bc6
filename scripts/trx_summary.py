#!/usr/bin/env python3
"""Prints 'N passed, N failed' from TRX files (MSTest's own summary is not read by CI)."""
import sys
import xml.etree.ElementTree as ET

passed = failed = 0
files = [f for f in sys.argv[1:] if not f.endswith("*.trx")]
if not files:
    sys.exit(1)
for path in files:
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        failed += 1
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(f"{passed} passed, {failed} failed")
