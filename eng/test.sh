#!/usr/bin/env bash
# The test command: installs what the tests need, checks formatting, builds in Release (a warning fails the build),
# starts the services the tests use on loopback, runs every test project, proves that a clone with nothing beside it
# passes (eng/standalone-check.sh), and prints one summary line:
#   N passed, N failed, N skipped
#
# Usage: eng/test.sh [--fast] [--fuzz] [--filter <expression>]
#   --fast      skip installs, the format check and the standalone-clone check, and leave out tests marked
#               [Trait("Category", "Slow")] (browser, sf CLI, PostgreSQL, fault and crash runs).
#   --fuzz      run the fuzz tests (FullyQualifiedName~Fuzz) with 5,000 mutated bodies each instead of CI's 200.
#   --filter    a dotnet test filter, for example "FullyQualifiedName~Soql" (also skips the standalone-clone check).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

fast=0
filter=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1 ;;
    --fuzz) export BYOC_FUZZ_ITERATIONS=5000; filter="FullyQualifiedName~Fuzz" ;;
    --filter) shift; filter="${1:-}" ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "eng/test.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary() { echo "$1 passed, $2 failed, $3 skipped"; }
fail_early() { echo "eng/test.sh: $1" >&2; summary 0 1 0; exit 1; }

if [ "$fast" -eq 0 ]; then
  bash eng/install-test-deps.sh || fail_early "installing test dependencies failed"
fi

dotnet restore Byoc.slnx --nologo -v quiet || fail_early "restore failed"

if [ "$fast" -eq 0 ]; then
  echo "eng/test.sh: dotnet format --verify-no-changes"
  dotnet format Byoc.slnx --verify-no-changes --no-restore || fail_early "dotnet format found changes to make (run: dotnet format Byoc.slnx)"
fi

echo "eng/test.sh: dotnet build -c Release"
dotnet build Byoc.slnx -c Release --no-restore --nologo -v quiet -warnaserror || fail_early "the Release build failed (warnings count as errors)"

# Services the slow suites use, started here and stopped on exit.
if [ "$fast" -eq 0 ]; then
  source eng/postgres.sh
  start_test_postgres || fail_early "could not start the test PostgreSQL cluster"
  trap stop_test_postgres EXIT
fi

results="$root/artifacts/test-results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
test_filter="$filter"
if [ "$fast" -eq 1 ]; then
  test_filter="Category!=Slow${filter:+&($filter)}"
fi

args=(test Byoc.slnx -c Release --no-build --nologo --logger trx --results-directory "$results" --blame-hang-timeout 10m)
[ -n "$test_filter" ] && args+=(--filter "$test_filter")
dotnet "${args[@]}"
test_exit=$?

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed))); total=$((total + $(get total)))
done
skipped=$((total - passed - failed))
# One line per reason a test was skipped (a missing tool or setting), instead of one per test.
if [ "$skipped" -gt 0 ]; then
  bash eng/skip-reasons.sh "$results"/*.trx | sed 's/^/eng\/test.sh: skipped /'
fi
# A full run also proves that the committed repository stands on its own (its contract tests skip cleanly there).
if [ "$fast" -eq 0 ] && [ -z "$filter" ]; then
  bash eng/standalone-check.sh || { echo "eng/test.sh: the standalone-clone check failed" >&2; failed=$((failed + 1)); }
fi
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "eng/test.sh: dotnet test exited with $test_exit but reported no failed test (a crashed or hung test host)" >&2
  failed=1
fi
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ] && [ "$test_exit" -eq 0 ]
