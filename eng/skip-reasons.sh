#!/usr/bin/env bash
# Prints each distinct reason that tests were skipped for, with how many, read from the given trx files:
#   12 × Salesforce's contract files are not in …: set BYOC_CONTRACTS_DIR …
# Usage: eng/skip-reasons.sh <file.trx>...
set -uo pipefail

for trx in "$@"; do
  [ -e "$trx" ] || continue
  # A skipped result is <UnitTestResult … outcome="NotExecuted"> whose <Message> holds the reason given to Assert.Skip.
  awk '
    /<UnitTestResult / { skipped = ($0 ~ /outcome="NotExecuted"/) }
    skipped && /<Message>/ {
      line = $0
      sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
      print line
      skipped = 0
    }
  ' "$trx"
done | sed -e "s/&apos;/'/g" -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' \
  | sort | uniq -c | sort -rn | sed -E 's/^ *([0-9]+) /\1 × /'
