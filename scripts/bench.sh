#!/usr/bin/env bash
# Runs one benchmark in Release and prints its table; the figures are also written to JSON
# under bench/results/. Usage: scripts/bench.sh screening|booking|breach [options] (docs/benchmarks.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

benchmarks="screening booking breach"
if (($# == 0)); then
  echo "usage: scripts/bench.sh BENCHMARK [options]; benchmarks: $benchmarks" >&2
  exit 2
fi

case "$1" in
  screening) ;;
  # Needs PostgreSQL server binaries (initdb, as the tests do); runs src/Chancery.Web, built in Release by the bench project.
  booking) ;;
  # Needs PostgreSQL server binaries too: 1,000,000 audit entries copied into a throwaway cluster, then the report timed.
  breach) ;;
  *) echo "bench: unknown benchmark '$1'; benchmarks: $benchmarks" >&2; exit 2 ;;
esac

# Which source the figures are for (preset them when running from an exported tree).
: "${CHANCERY_BENCH_COMMIT:=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}"
: "${CHANCERY_BENCH_UNCOMMITTED:=$(git status --porcelain -- src bench 2>/dev/null | wc -l | tr -d ' ')}"
export CHANCERY_BENCH_COMMIT CHANCERY_BENCH_UNCOMMITTED

exec dotnet run -c Release --project bench/Chancery.Bench -- "$@"
