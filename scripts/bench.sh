#!/usr/bin/env bash
# Runs one benchmark in Release and prints its table; the figures are also written to JSON
# under bench/results/. Usage: scripts/bench.sh screening [options] (docs/benchmarks.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

benchmarks="screening"
if (($# == 0)); then
  echo "usage: scripts/bench.sh BENCHMARK [options]; benchmarks: $benchmarks" >&2
  exit 2
fi

case "$1" in
  screening) ;;
  *) echo "bench: unknown benchmark '$1'; benchmarks: $benchmarks" >&2; exit 2 ;;
esac

exec dotnet run -c Release --project bench/Chancery.Bench -- "$@"
