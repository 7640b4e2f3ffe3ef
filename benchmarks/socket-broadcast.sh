#!/usr/bin/env bash
# Room broadcast latency on loopback: MEMBERS (default 1,000) npm socket.io-client sockets in one room, a sender,
# BROADCASTS (default 50) fan-outs after WARMUP (10); prints send -> receive p50/p90/p99/max over every delivery.
# Usage: benchmarks/socket-broadcast.sh [distribution-dir]   (default: distribution/target/eliza-server-*/eliza-server;
# build it first with: mvn -B -pl distribution -am package -DskipTests). The room and the broadcast come from the
# integration tests' probe bundle (probe:join / probe:shout -> RealtimeBroadcaster.toRoom), compiled here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
ulimit -n "$(ulimit -Hn)"
dist="${1:-$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)}"
[ -d "$dist" ] || { echo "no distribution at '$dist': build it first" >&2; exit 2; }
clients="$here/socketio"
[ -d "$clients/node_modules/socket.io-client" ] || (cd "$clients" && npm ci --no-audit --no-fund)

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

cp -r "$dist" "$work/home"
mkdir -p "$work/probe/classes"
classpath=$(ls "$dist"/bundles/*.jar "$dist"/lib/org.apache.felix.framework-*.jar | tr '\n' ':')
javac -nowarn -d "$work/probe/classes" -cp "$classpath" "$root"/distribution/src/test/java/dev/eliza/it/probe/*.java
cat > "$work/probe/MANIFEST.MF" <<MANIFEST
Bundle-ManifestVersion: 2
Bundle-SymbolicName: it.echo
Bundle-Version: 1.0.0
Eliza-Domain: echo
Bundle-Activator: dev.eliza.it.probe.EchoActivator
Import-Package: org.osgi.framework,dev.eliza.http.api,jakarta.ws.rs,jakarta.ws.rs.core,org.eclipse.jetty.websocket.api,org.eclipse.jetty.websocket.server,org.eclipse.jetty.util,dev.eliza.realtime.api,com.fasterxml.jackson.databind
MANIFEST
jar cfm "$work/probe.jar" "$work/probe/MANIFEST.MF" -C "$work/probe/classes" .

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
JAVA_OPTS="-Xmx2g" SERVER_PORT=$port LOG_LEVEL=warn DATA_DIR="$work/data" "$work/home/bin/eliza-server" \
  > "$work/platform.log" 2>&1 &
server=$!
for i in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
cp "$work/probe.jar" "$work/home/deploy/.probe.part" && mv "$work/home/deploy/.probe.part" "$work/home/deploy/probe.jar"
for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/echo" >/dev/null && break; sleep 0.2; done

BASE_URL="http://127.0.0.1:$port" CLIENT_MODULES="$clients/node_modules" node "$here/socket-broadcast.mjs"
