# Sourced by the benchmarks: starts the built distribution as run.sh starts it, on a fresh copy, a free loopback
# port and the offline provider (no provider variables), without the default agent, and stops it on exit. After `start_platform [path...]`
# (each path must answer 2xx first; /health by default): $root, $work (scratch folder), $port, $base_url and
# $server (the JVM's pid: the launcher execs java).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=""
server=""

stop_platform() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null || true
  fi
  if [ -n "$work" ]; then rm -rf "$work"; fi
}

start_platform() {
  local dist path
  # DIST=<an unzipped eliza-server folder> runs another build, for a comparison
  dist=${DIST:-$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server 2>/dev/null | head -n 1 || true)}
  if [ -z "$dist" ]; then
    (cd "$root" && mvn -B -q -pl distribution -am package -DskipTests)
    dist=$(ls -d "$root"/distribution/target/eliza-server-*/eliza-server | head -n 1)
  fi
  work=$(mktemp -d)
  trap stop_platform EXIT
  cp -r "$dist" "$work/home"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  base_url="http://127.0.0.1:$port"
  unset OPENAI_API_KEY ANTHROPIC_API_KEY OLLAMA_API_ENDPOINT
  # the benchmarks create the agents they measure; exported, so a restart by the sourcing script has none either
  export ELIZA_DEFAULT_AGENT="${ELIZA_DEFAULT_AGENT:-false}"
  # the benchmarks' requests come from 127.0.0.1, which the rate limit trusts by default
  SERVER_PORT=$port LOG_LEVEL=warn "$work/home/bin/eliza-server" > "$work/platform.log" 2>&1 &
  server=$!
  for path in "${@:-/health}"; do
    until curl -sf "$base_url$path" > /dev/null; do
      kill -0 "$server" 2>/dev/null || { cat "$work/platform.log"; exit 1; }
      sleep 0.2
    done
  done
}
