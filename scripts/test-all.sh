#!/usr/bin/env bash
# `npm test`: everything, fail fast, with the time each step took.
#   typecheck → lint → schema/migration check → Vitest (unit + integration) → build → gateway
#   suite (real OpenClaw) → Playwright e2e.
# With CI set, Postgres-backed tests must run (MC_REQUIRE_POSTGRES=1) instead of skipping.
# MC_TEST_SKIP (comma-separated step names) is for local iteration; CI must not set it.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
TSX=(node node_modules/tsx/dist/cli.mjs)
declare -a SUMMARY=()
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
secs() { local ms=$1; printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
TOTAL_START=$(now_ms)

step() {
  local name="$1"; shift
  local start code=0
  # MC_TEST_SKIP="vitest,e2e (playwright)" skips steps by name, for local iteration only.
  if [[ ",${MC_TEST_SKIP:-}," == *",${name},"* ]]; then
    echo; echo "━━━ ${name}: skipped (MC_TEST_SKIP)"
    SUMMARY+=("$(printf '%-20s %8s' "$name" "skipped")")
    return 0
  fi
  start=$(now_ms)
  echo
  echo "━━━ ${name} ━━━"
  "$@" || code=$?
  local took; took=$(secs $(($(now_ms) - start)))
  if [ "$code" = 0 ]; then
    SUMMARY+=("$(printf '%-20s %8s s' "$name" "$took")")
    echo "━━━ ${name}: ok (${took} s)"
  else
    SUMMARY+=("$(printf '%-20s %8s s  FAILED' "$name" "$took")")
    print_summary
    echo "npm test: step \"${name}\" failed (exit ${code})" >&2
    exit "$code"
  fi
}

print_summary() {
  echo
  echo "━━━ timings ━━━"
  printf '%s\n' "${SUMMARY[@]}"
  printf '%-20s %8s s\n' "total" "$(secs $(($(now_ms) - TOTAL_START)))"
}

ensure_chromium() {
  local chromium="${MC_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "chromium missing: installing Debian's package"
    apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
  else
    echo "$chromium not found: install chromium (apt-get install -y chromium) or set MC_CHROMIUM" >&2
    return 1
  fi
}

ensure_prisma_clients() {
  # Both generated clients (SQLite and Postgres); postinstall makes them, a fresh checkout with
  # --ignore-scripts does not.
  if [ -f src/generated/sqlite/index.js ] && [ -f src/generated/postgres/index.js ]; then return 0; fi
  node scripts/generate-clients.mjs
}

vitest() {
  if [ -n "${CI:-}" ]; then export MC_REQUIRE_POSTGRES=1; fi
  node node_modules/vitest/vitest.mjs run
}

build_once() {
  # Starts the app once through the real start path (scripts/start.ts), which builds when the
  # sources changed since the last build and records that; the e2e server then starts without
  # building again.
  "${TSX[@]}" scripts/test-server.ts --build-only
}

gateway_suite() {
  # The real OpenClaw gateway (npm `openclaw`, installed into .tools/ on first run by
  # scripts/openclaw/install.ts, ~650 MB, Node 24 from npm), one gateway per test file.
  npm run -s test:gateway
}

step "chromium" ensure_chromium
step "prisma clients" ensure_prisma_clients
step "typecheck" npm run -s typecheck
step "lint" npm run -s lint
step "db check" "${TSX[@]}" scripts/db-check.ts
step "vitest" vitest
step "build" build_once
step "gateway suite" gateway_suite
step "e2e (playwright)" "${TSX[@]}" scripts/run-e2e.ts
print_summary
