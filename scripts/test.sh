#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs the whole test suite: unit and
# end-to-end tests (debug build; the convex cross-check uses the release
# binary built first; the Slurm tests run on a local one-node cluster), then
# the shipped quickstart grid in release mode
# checked bit for bit against its stored baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product bench
# A local one-node Slurm cluster for the job-array tests (installs slurm-wlm and
# munge when missing); where it cannot start, those tests are skipped with a message.
if out=$(scripts/slurm-local.sh start 2>&1); then
  export BENCH_SLURM_TESTS=1
  [ "$(printf '%s\n' "$out" | tail -n 1)" = started ] && trap 'scripts/slurm-local.sh stop >/dev/null 2>&1 || true' EXIT
else
  echo "test.sh: a local Slurm cluster cannot be started here; the Slurm tests are skipped:" >&2
  printf '%s\n' "$out" | tail -n 5 >&2
fi
swift test
.build/release/bench check experiments/quickstart.yaml --baseline results/baselines/quickstart --rerun
