#!/usr/bin/env bash
# Jobs throughput and latency (benchmarks/jobs.mjs) against the distribution on a fresh data folder, with the offline
# provider (no provider variables set). Needs the built zip (mvn -B -DskipTests package), node and curl.
# Usage: benchmarks/jobs.sh   (JOBS=500 CONCURRENCY=20)
set -euo pipefail
source "$(dirname "$0")/platform.sh"
start_platform
BASE_URL="$base_url" node "$root/benchmarks/jobs.mjs" || { tail -50 "$work/platform.log"; exit 1; }
