#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs the whole test suite: unit and
# end-to-end tests (debug build; the convex cross-check uses the release
# binary built first; the Slurm tests run on a local one-node cluster), then
# the shipped quickstart grid in release mode checked bit for bit against its
# stored baseline, twice: with the portable build (x86-64-v3: AVX2 + FMA) and
# with a build for this machine's own CPU (AVX-512 where it has it), so a
# change that makes results depend on the instruction set fails here.
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
if [ "$(uname -m)" = x86_64 ]; then
  swift build -c release --product bench --scratch-path .build-native \
    -Xswiftc -target-cpu -Xswiftc native -Xcc -march=native
  echo "test.sh: quickstart with the build for this CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
  .build-native/release/bench check experiments/quickstart.yaml --baseline results/baselines/quickstart --rerun
fi
