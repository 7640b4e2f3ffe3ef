#!/usr/bin/env bash
# Builds the distribution if it is missing, installs it into ./dist-run (keeping data/, conf/ and deploy/ from
# earlier runs) and starts the server on the embedded PostgreSQL unless POSTGRES_URL is set.
# Settings come from dist-run/conf/platform.properties and the environment (SERVER_PORT, SERVER_HOST,
# ELIZA_SERVER_AUTH_TOKEN, POSTGRES_URL, DATA_DIR, LOG_LEVEL).
set -euo pipefail
cd "$(dirname "$0")"
dist=$(ls -d distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ]; then
  mvn -B -q -DskipTests install
  dist=$(ls -d distribution/target/eliza-server-*/eliza-server | head -n 1)
fi
mkdir -p dist-run
rm -rf dist-run/lib dist-run/bin dist-run/bundles
cp -r "$dist/lib" "$dist/bin" "$dist/bundles" dist-run/
for keep in conf deploy plugins data logs characters; do
  [ -e "dist-run/$keep" ] || cp -r "$dist/$keep" dist-run/
done
exec dist-run/bin/eliza-server "$@"
