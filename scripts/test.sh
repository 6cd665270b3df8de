#!/usr/bin/env bash
# Installs what the tests need (on Debian 12), builds the solution once and runs every test
# project in turn. Extra arguments go to `dotnet test`, e.g. --filter FullyQualifiedName~Cases.
# The last line printed is always "N passed, N failed, N skipped". A test that makes no progress for 8
# minutes stops its project's run, and the run names it, instead of using up CI's time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
configuration=Release

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf "==> %s\n" "$*"; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_missing() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql-15)
  installed python3-aiosmtpd || missing+=(python3-aiosmtpd)
  installed fonts-liberation || missing+=(fonts-liberation)
  { command -v node && command -v npm; } >/dev/null || missing+=(nodejs npm)
  ((${#missing[@]})) || return 0

  if ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]}, and no apt-get to install them with; going on"
    return 0
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
      log "missing ${missing[*]}; not root and no sudo, so going on without them"
      return 0
    fi
    sudo=(sudo)
    [[ ${CI:-} == true ]] && sudo+=(-n)
  fi

  # The tests start their own throwaway clusters: keep the package from creating and starting one.
  if [[ " ${missing[*]} " == *" postgresql-15 "* && ! -e /etc/postgresql-common/createcluster.conf ]]; then
    "${sudo[@]}" mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' | "${sudo[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi

  log "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1 apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1 \
    apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}"
}

results="$(mktemp -d "${TMPDIR:-/tmp}/chancery-tests-XXXXXX")"
trap 'rm -rf "$results"' EXIT

summary() {
  local python=python3
  [[ -x /usr/bin/python3 ]] && python=/usr/bin/python3
  "$python" - "$results" <<'PY'
import pathlib, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
for trx in pathlib.Path(sys.argv[1]).rglob("*.trx"):
    c = ET.parse(trx).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    if c is None:
        continue
    n = lambda k: int(c.get(k, 0))
    passed += n("passed")
    failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += n("notExecuted")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

install_missing
command -v dotnet >/dev/null || { log "dotnet is not on PATH"; echo "0 passed, 0 failed, 0 skipped"; exit 1; }

log "restore and build ($configuration)"
if ! dotnet restore Chancery.slnx --nologo -v q ||
   ! dotnet build Chancery.slnx -c "$configuration" --no-restore --nologo -v q -clp:ErrorsOnly; then
  log "build failed"
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi

status=0
for project in $(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | sort); do
  name="$(basename "$project" .csproj)"
  log "test $name"
  if ! dotnet test "$project" -c "$configuration" --no-build --nologo \
      --logger "console;verbosity=minimal" \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" \
      --blame-hang-timeout 8m --blame-hang-dump-type none "$@"; then
    log "$name: dotnet test failed"
    status=1
  fi
done

line="$(summary)"
read -r passed _ failed _ <<<"$line"
if ((failed > 0 || passed == 0)); then status=1; fi
echo "$line"
exit "$status"
