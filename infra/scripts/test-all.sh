#!/usr/bin/env bash
# The whole test suite: starts what the tests need (Redis, PostgreSQL, Chromium), then lint, typecheck,
# unit, integration (on PostgreSQL and on PGlite) and end-to-end tests. Called by `pnpm test:all`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s ==\n' "$*"; }

step "services"
PG_FAST=1 infra/scripts/services.sh ensure

step "lint"
biome check .

step "typecheck"
tsc -p tsconfig.json
[ -f services/review-ui/tsconfig.web.json ] && tsc -p services/review-ui/tsconfig.web.json

step "unit tests"
vitest run --project unit

step "integration tests (PostgreSQL and PGlite)"
vitest run --project int-postgres --project int-pglite

step "end-to-end tests (real Chromium)"
vitest run --project e2e --passWithNoTests
