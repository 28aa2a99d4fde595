#!/usr/bin/env bash
# Proves that the repository stands on its own: clones the committed HEAD into an empty temporary folder (so nothing
# sits beside it: no ../shared, no Salesforce contract files), then runs only the tests that need the contract files
# (trait Category=Contract) there with CI and BYOC_CONTRACTS_DIR unset. Every one of them must be reported as skipped
# with the line naming BYOC_CONTRACTS_DIR, and nothing may fail. Takes a minute or two (it builds two test projects).
#
# Usage: eng/standalone-check.sh
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/byoc-standalone-XXXXXX")
trap 'rm -rf "$work"' EXIT
say() { echo "eng/standalone-check.sh: $1"; }
fail() { say "FAILED: $1" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
git clone --quiet --no-hardlinks "$root" "$work/repo" || fail "git clone of $root failed"
[ ! -e "$work/shared" ] || fail "$work/shared exists; the clone must have nothing beside it"
cd "$work/repo"

say "clone in $work/repo; running the contract tests with nothing beside it"
for project in tests/Byoc.Emulator.Tests tests/Byoc.Connector.Tests; do
  # Analyzers are off here: the Release build of eng/test.sh checks them; this step only needs the tests to run.
  env -u CI -u BYOC_CONTRACTS_DIR dotnet test "$project" --nologo -v quiet -p:RunAnalyzers=false \
    --filter "Category=Contract" --logger "trx;LogFileName=$(basename "$project").trx" --results-directory "$work/results" \
    || fail "dotnet test $project exited non-zero in the standalone clone"
done

total=0; passed=0; failed=0
for trx in "$work"/results/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(get total))); passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
done
skipped=$((total - passed - failed))
reasons=$(bash "$root/eng/skip-reasons.sh" "$work"/results/*.trx)
echo "$reasons" | sed 's/^/eng\/standalone-check.sh: skipped /'

[ "$total" -gt 0 ] || fail "no contract test was found (filter Category=Contract)"
[ "$failed" -eq 0 ] || fail "$failed contract tests failed instead of being skipped"
[ "$skipped" -eq "$total" ] || fail "$passed of $total contract tests ran without the contract files; they should need them"
[ "$(echo "$reasons" | grep -vc 'BYOC_CONTRACTS_DIR')" -eq 0 ] || fail "a contract test was skipped for another reason"
say "all $total contract tests were skipped in a clone without the contract files, as they should be"
