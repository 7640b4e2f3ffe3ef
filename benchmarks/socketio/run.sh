#!/usr/bin/env bash
# Socket.IO load on loopback: N websocket clients (default 10000), a ROOM_SIZE-member room (default 1000),
# BROADCASTS broadcasts to it (default 20). Prints connect time, server heap per connection and broadcast
# latency p50/p99, the clients spread over WORKERS Node processes (default 2, one per core here).
# Run by hand: benchmarks/socketio/run.sh   (CONNECTIONS=2000 for a quick run)
# The room and the broadcast come from the integration tests' probe bundle, compiled here and hot-deployed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ulimit -n "$(ulimit -Hn)"  # 10,000 sockets need about 10,000 descriptors in each process

dist=$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ]; then
  (cd "$root" && mvn -B -q -DskipTests install)
  dist=$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server | head -n 1)
fi
[ -d "$here/node_modules/socket.io-client" ] || (cd "$here" && npm ci --no-audit --no-fund)

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
JAVA_OPTS="-Xmx4g" ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}" SERVER_PORT=$port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
server=$!
for i in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
cp "$work/probe.jar" "$work/home/deploy/.probe.part" && mv "$work/home/deploy/.probe.part" "$work/home/deploy/probe.jar"
for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/echo" >/dev/null && break; sleep 0.2; done

BASE_URL="http://127.0.0.1:$port" SERVER_PID=$server node "$here/load.mjs"
