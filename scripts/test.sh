#!/usr/bin/env bash
# The one command to test Portal, for new users and CI alike:
#   bash scripts/test.sh
# Installs missing system packages (as root with apt), starts a throwaway PostgreSQL,
# builds, checks EF migrations for both providers, runs Portal.Tests and prints
# "N passed, N failed" as the last line. Exits non-zero if anything failed.
# PORTAL_TEST_ONLY_INFRA=1 only starts PostgreSQL, queries it with psql and exits (for debugging).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."   # repo root, whatever the caller's cwd

echo "CI mode: $([[ "${CI:-}" == "true" ]] && echo on || echo off)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# No MSBuild nodes or compiler servers may outlive the script (CI waits on stray processes).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

# --- System packages -------------------------------------------------------------
newest_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -n "$(newest_pg_bin)" && -x "$(newest_pg_bin)/initdb" ]] || missing+=(postgresql)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if ((${#missing[@]})); then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    # Another apt may be running (e.g. image provisioning): wait for its lock, up to 10 minutes.
    for _ in $(seq 120); do
      command -v fuser >/dev/null && fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1 || break
      echo "waiting for the apt/dpkg lock..."; sleep 5
    done
    echo "installing: ${missing[*]}"
    apt_opts=(-o DPkg::Lock::Timeout=600)
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" \
      || echo "WARNING: apt-get failed; tests that need ${missing[*]} will be skipped"
  else
    echo "NOTE: missing ${missing[*]} and not root with apt-get: browser tests (chromium)," \
         "PostgreSQL tests (postgresql) and PDF text checks (poppler-utils) will be skipped"
  fi
fi

# --- Throwaway PostgreSQL cluster, torn down on exit --------------------------------
# /tmp explicitly: the postgres user must be able to reach it (a TMPDIR under /root would not do).
work=$(mktemp -d /tmp/portal-test.XXXXXX)
pg_bin=$(newest_pg_bin); pg_user=""; pg_started=0
as_pg() { if [[ -n "$pg_user" ]]; then (cd "$work" && runuser -u "$pg_user" -- "$@"); else "$@"; fi; }
cleanup() {
  if ((pg_started)); then as_pg "$pg_bin/pg_ctl" -D "$work/pgdata" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # run the EXIT trap on Ctrl-C / kill too

port_in_use() {
  if command -v ss >/dev/null; then [[ -n "$(ss -Htln "sport = :$1")" ]]
  else (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; fi
}

start_postgres() {
  [[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || { echo "PostgreSQL not installed"; return 1; }
  if [[ $EUID -eq 0 ]]; then   # initdb refuses to run as root
    if getent passwd postgres >/dev/null; then pg_user=postgres; else
      pg_user=portaltest
      getent passwd portaltest >/dev/null || useradd --system --no-create-home --shell /usr/sbin/nologin portaltest
    fi
    chown "$pg_user" "$work"
  fi
  local port=55432 attempt
  mkdir -p "$work/pgdata" "$work/sock"
  [[ -z "$pg_user" ]] || chown "$pg_user" "$work/pgdata" "$work/sock"
  as_pg "$pg_bin/initdb" -D "$work/pgdata" --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; return 1; }
  pg_started=1
  # Another run may grab the same free port between the check and the bind: then try the next one.
  for attempt in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((port + 1)); done
    rm -f "$work/postgres.log"
    as_pg "$pg_bin/pg_ctl" -D "$work/pgdata" -l "$work/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $work/sock -c fsync=off" start >/dev/null 2>&1 && break
    grep -q "Address already in use" "$work/postgres.log" && ((attempt < 5)) \
      || { cat "$work/postgres.log"; return 1; }
    port=$((port + 1))
  done
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
  PG_PORT=$port
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}
start_postgres || echo "NOTE: PostgreSQL could not be started (see above); PostgreSQL tests will be skipped"

if [[ -x /usr/bin/chromium ]]; then export PORTAL_TEST_CHROMIUM=/usr/bin/chromium
else echo "NOTE: /usr/bin/chromium missing; browser tests will be skipped"; fi

if [[ "${PORTAL_TEST_ONLY_INFRA:-}" == "1" ]]; then
  [[ -n "${PG_PORT:-}" ]] || exit 1
  "$pg_bin/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -Atc 'select version()'
  exit 0
fi

# --- Build -----------------------------------------------------------------------------
dotnet tool restore || { echo "dotnet tool restore FAILED"; echo "0 passed, 1 failed"; exit 1; }
if ! dotnet build Portal.sln -c Release --disable-build-servers; then
  echo "BUILD FAILED"; echo "0 passed, 1 failed"; exit 1
fi

# --- EF migrations in sync with the model, one check per provider ---------------------
passed=0; failed=0; skipped=0
for provider in Sqlite Postgres; do
  name="migrations-${provider,,}"
  # This command takes no application arguments after `--`; the design-time factory reads the provider from
  # PORTAL_DESIGN_PROVIDER instead.
  if out=$(PORTAL_DESIGN_PROVIDER="$provider" dotnet tool run dotnet-ef migrations has-pending-model-changes \
      --project "migrations/Portal.Migrations.$provider" --startup-project migrations/Portal.Migrations.Design \
      --no-build --configuration Release 2>&1); then
    echo "PASS $name"; passed=$((passed + 1))
  else
    echo "FAIL $name: the model has changes that no migration covers (or the check failed):"
    echo "$out"; failed=$((failed + 1))
  fi
done

# --- Tests --------------------------------------------------------------------------------
rm -rf artifacts/server-logs   # this run's app logs only
test_rc=0
dotnet test Portal.Tests/Portal.Tests.csproj -c Release --no-build \
  --logger "trx;LogFileName=results.trx" --results-directory "$work/results" \
  --logger "console;verbosity=normal" || test_rc=$?

trx="$work/results/results.trx"
counter() { grep -o "<Counters [^>]*>" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
if [[ -f "$trx" ]]; then
  t_total=$(counter total); t_passed=$(counter passed)
  t_failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
  # xunit's skipped tests land in notExecuted or simply outside executed: take what is left.
  t_skipped=$(( t_total - t_passed - t_failed )); ((t_skipped >= 0)) || t_skipped=0
  if ((test_rc != 0 && t_failed == 0)); then
    echo "FAIL: dotnet test exited with $test_rc although no test failed (run aborted?)"; t_failed=1
  fi
else
  echo "FAIL: no TRX results file (the test host crashed or never started); counting 1 failure"
  t_passed=0; t_failed=1; t_skipped=0
fi
passed=$((passed + t_passed)); failed=$((failed + t_failed)); skipped=$((skipped + t_skipped))

if ((failed > 0)) && compgen -G "artifacts/server-logs/*.log" >/dev/null; then
  # Browser tests run the app in its own process; its errors explain an error page a test met.
  echo "--- errors logged by the app servers of browser tests (artifacts/server-logs) ---"
  grep -h -A12 -E "^(fail|crit):" artifacts/server-logs/*.log | head -n 200 || true
fi
echo "$skipped skipped"
echo "$passed passed, $failed failed"
((failed == 0 && test_rc == 0))
