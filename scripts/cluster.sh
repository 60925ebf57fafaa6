#!/usr/bin/env bash
# Two Portal nodes on two loopback ports sharing one PostgreSQL database, as they would run behind a load balancer
# (README "Running several nodes"). Ctrl-C stops both.
#   export ConnectionStrings__Portal="Host=127.0.0.1;Port=5432;Database=portal;Username=portal;Password=..."
#   bash scripts/cluster.sh            # nodes on 127.0.0.1:5081 and :5082
#   PORTAL_NODE_PORTS="6001 6002" bash scripts/cluster.sh
# The first node applies migrations (and seeds demo data into an empty database) before the second starts, so they
# never race over the schema. Each node's log goes to $PORTAL_CLUSTER_LOGS (default: a temporary folder).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export Database__Provider=Postgres
export ConnectionStrings__Portal="${ConnectionStrings__Portal:-Host=127.0.0.1;Port=5432;Database=portal;Username=portal}"
export Logging__Console__FormatterName="${Logging__Console__FormatterName:-simple}"
read -r -a ports <<<"${PORTAL_NODE_PORTS:-5081 5082}"
logs="${PORTAL_CLUSTER_LOGS:-$(mktemp -d /tmp/portal-cluster.XXXXXX)}"
mkdir -p "$logs"

dotnet build Portal.Web -c Release -v q --nologo >/dev/null || { echo "build failed (run: dotnet build Portal.Web -c Release)"; exit 1; }
dll=$(ls Portal.Web/bin/Release/net*/Portal.Web.dll | head -n 1)

pids=()
stop_nodes() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped ${#pids[@]} node(s); logs in $logs"
}
trap stop_nodes EXIT
trap 'exit 130' INT TERM

healthy() { # pid, port, seconds: polls /health (curl if present, bash's /dev/tcp otherwise) while the node runs
  local pid=$1; shift
  local deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)) && kill -0 "$pid" 2>/dev/null; do
    if command -v curl >/dev/null; then
      [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health")" == 200 ]] && return 0
    elif (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /health HTTP/1.0\r\n\r\n' >&3 && head -n 1 <&3 | grep -q ' 200 ') 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

letters=(a b c d e f g h)
for i in "${!ports[@]}"; do
  port=${ports[$i]}; node="node-${letters[$i]}"
  Portal__NodeName="$node" dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/Portal.Web" >"$logs/$node.log" 2>&1 &
  pids+=($!)
  if ! healthy "${pids[-1]}" "$port" 120; then
    echo "$node did not become healthy on port $port; last lines of its log:"; tail -n 20 "$logs/$node.log"; exit 1
  fi
  echo "$node: http://127.0.0.1:$port  (log: $logs/$node.log)"
done
echo "${#pids[@]} nodes share $(sed -E 's/Password=[^;]*/Password=***/' <<<"$ConnectionStrings__Portal"). Ctrl-C stops them."
wait -n "${pids[@]}" || true
echo "a node exited; stopping the others"
