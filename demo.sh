#!/usr/bin/env bash
# The main job at this stage: make a demo PKI, sign a Mongolian sample letter as a company, then verify it
# and a copy tampered after signing. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
work=${1:-$(mktemp -d)}
mkdir -p "$work"
smartoffice() { dotnet run --project src/SmartOffice.Cli -c Release --no-launch-profile -- "$@"; }

dotnet build src/SmartOffice.Cli -c Release -nologo -v quiet
smartoffice pki init "$work/pki"
smartoffice sample-letter "$work/letter.pdf" --from company-a
smartoffice sign "$work/letter.pdf" "$work/letter-signed.pdf" --p12 "$work/pki/p12/company-a.p12" --password demo
cp "$work/letter-signed.pdf" "$work/letter-tampered.pdf"
printf '%s\n' "1 0 obj << /Type /Annot >> endobj" >> "$work/letter-tampered.pdf"

echo
echo "== verify (the signed letter is accepted, the tampered copy refused; exit code 1 because one is refused)"
set +e
smartoffice verify "$work/letter-signed.pdf" "$work/letter-tampered.pdf" --trust "$work/pki/trust" --crl "$work/pki/crl" --expect-org 5123456
code=$?
set -e
echo "exit code: $code (expected 1)"
echo "files are in $work"
[ "$code" -eq 1 ]
