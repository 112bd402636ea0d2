#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs the whole test suite: unit and
# end-to-end tests (debug build; the convex cross-check uses the release
# binary built first), then the shipped quickstart grid in release mode
# checked bit for bit against its stored baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product bench
swift test
.build/release/bench check experiments/quickstart.yaml --baseline results/baselines/quickstart --rerun
