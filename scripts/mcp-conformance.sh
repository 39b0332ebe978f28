#!/usr/bin/env bash
# Runs the public MCP conformance suite (@modelcontextprotocol/conformance, pinned in package.json)
# against `duo serve mcp` on a free loopback port, backed by the embedded sandbox. Builds nothing:
# run `npm run build` first. The suite's server scenarios assume a loopback server without auth,
# hence --no-auth (refused anywhere but loopback).
#
#   scripts/mcp-conformance.sh                 the scenarios that need no fixture tools, prompts or resources
#   scripts/mcp-conformance.sh SCENARIO...     these instead (`npx conformance list` names them all)
#
# Prints the suite's own report, then one line per scenario ("passed: NAME" or "FAILED: NAME");
# exits 0 only if every scenario passed. Why the other scenarios do not apply is listed in
# test/serve/mcp-conformance.test.ts.
set -euo pipefail
cd "$(dirname "$0")/.."

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(server-initialize ping tools-list dns-rebinding-protection prompts-list resources-list logging-set-level completion-complete)
[ -f dist/commands/serve/mcp.js ] || { echo "dist/ is missing: run npm run build first" >&2; exit 2; }

work=$(mktemp -d)
# A throwaway config dir: the sandbox state and no profile of the user's is read.
DUO_CONFIG_DIR="$work" node bin/run.js serve mcp --no-auth --sandbox --port 0 --json >"$work/url.json" 2>"$work/server.log" &
server=$!
stop() {
  kill -INT "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap stop EXIT

# The server prints {"url": …} on stdout once it listens.
for _ in $(seq 150); do
  [ -s "$work/url.json" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
url=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).url)' "$work/url.json")

# One CLI process per scenario (it takes one --scenario), all at once: each opens its own session and the
# scenarios change nothing, so they cannot disturb each other, and the CLI's start-up is the slow part.
pids=()
for scenario in "${scenarios[@]}"; do
  node_modules/.bin/conformance server --url "$url" --scenario "$scenario" >"$work/$scenario.log" 2>&1 &
  pids+=($!)
done

results=()
status=0
for i in "${!scenarios[@]}"; do
  scenario=${scenarios[$i]}
  if wait "${pids[$i]}"; then outcome="passed: $scenario"; else outcome="FAILED: $scenario"; status=1; fi
  cat "$work/$scenario.log"
  results+=("$outcome")
done

printf '%s\n' "${results[@]}"
exit "$status"
