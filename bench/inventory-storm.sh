#!/usr/bin/env bash
# Upstream storm benchmark: 1,000 hosts boot at once against a Foreman stub with 100 ms latency,
# through ForemanInventory behind CachingInventory. Loopback only; bounded (5 minutes at most).
# Usage: bench/inventory-storm.sh [--hosts 1000] [--in-flight 400] [--latency-ms 100] [--max-concurrent 32]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.bootproxy.bench.InventoryStorm -Dexec.classpathScope=test \
  -Dexec.args="$*"
