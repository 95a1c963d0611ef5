# A three-node Elasticsearch cluster on loopback, for fault tests and for trying replicas: the same installation and
# plugin as the single node, three processes with data, logs and ports of their own (HTTP 9201-9203, transport 9311-9313).

CLUSTER_DIR="$STACK_DIR/cluster"
: "${CLUSTER_HEAP:=512m}"
CLUSTER_NODES=(1 2 3)

cluster_http_port() { echo $((9200 + $1)); }
cluster_transport_port() { echo $((9310 + $1)); }
cluster_pid_file() { echo "$CLUSTER_DIR/node-$1.pid"; }
cluster_url() { echo "http://127.0.0.1:$(cluster_http_port "$1")"; }
cluster_node_running() { local pid_file; pid_file="$(cluster_pid_file "$1")"; [ -s "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

cluster_start_node() {
  local node="$1" pid_file seeds
  pid_file="$(cluster_pid_file "$node")"
  if cluster_node_running "$node"; then
    log "cluster node-$node already running (pid $(cat "$pid_file"))"
    return 0
  fi
  mkdir -p "$CLUSTER_DIR/node-$node/data" "$CLUSTER_DIR/node-$node/logs"
  [ "$(id -u)" -eq 0 ] && chown -R "$ES_USER" "$CLUSTER_DIR" && chmod 755 "$CLUSTER_DIR"
  rm -f "$pid_file"
  : >"$pid_file" && { chown "$ES_USER" "$pid_file" 2>/dev/null || true; }
  seeds="$(for n in "${CLUSTER_NODES[@]}"; do printf '127.0.0.1:%s,' "$(cluster_transport_port "$n")"; done)"
  log "starting cluster node-$node at $(cluster_url "$node") (heap $CLUSTER_HEAP)"
  as_es_user env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" ES_JAVA_OPTS="-Xms$CLUSTER_HEAP -Xmx$CLUSTER_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$pid_file" \
    -E cluster.name=opportunity-matching-cluster -E node.name="node-$node" \
    -E discovery.seed_hosts="${seeds%,}" -E cluster.initial_master_nodes=node-1,node-2,node-3 \
    -E xpack.security.enabled=false -E search.allow_expensive_queries=false -E action.auto_create_index=false \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    -E network.host=127.0.0.1 -E http.port="$(cluster_http_port "$node")" -E transport.port="$(cluster_transport_port "$node")" \
    -E path.data="$CLUSTER_DIR/node-$node/data" -E path.logs="$CLUSTER_DIR/node-$node/logs" \
    >"$CLUSTER_DIR/node-$node.startup.out" 2>&1 \
    || { tail -n 30 "$CLUSTER_DIR/node-$node.startup.out" >&2; die "cluster node-$node did not start; see $CLUSTER_DIR/node-$node/logs"; }
}

# Waits until the cluster has its three nodes and is green (every replica assigned).
cluster_wait() {
  local want="${1:-green}" nodes="${2:-3}" deadline=$((SECONDS + ${ES_START_TIMEOUT:-240})) node
  for node in "${CLUSTER_NODES[@]}"; do
    cluster_node_running "$node" || continue
    until curl -fsS -m 10 "$(cluster_url "$node")/_cluster/health?wait_for_status=$want&wait_for_nodes=$nodes&timeout=5s" 2>/dev/null \
        | grep -q "\"status\":\"\\($want\\|green\\)\""; do
      [ "$SECONDS" -lt "$deadline" ] || die "cluster not $want with $nodes nodes after ${ES_START_TIMEOUT:-240}s; see $CLUSTER_DIR/node-*/logs"
      sleep 2
    done
    log "cluster $want with $nodes nodes"
    return 0
  done
  die "no cluster node is running"
}

cluster_up() {
  local node
  for node in "${CLUSTER_NODES[@]}"; do cluster_start_node "$node"; done
  cluster_wait green 3
}

cluster_kill_node() {
  local node="$1"
  cluster_node_running "$node" || { log "cluster node-$node is not running"; return 0; }
  log "killing cluster node-$node (SIGKILL, pid $(cat "$(cluster_pid_file "$node")"))"
  kill -9 "$(cat "$(cluster_pid_file "$node")")"
  rm -f "$(cluster_pid_file "$node")"
}

cluster_down() {
  local node pid
  for node in "${CLUSTER_NODES[@]}"; do
    cluster_node_running "$node" || continue
    pid="$(cat "$(cluster_pid_file "$node")")"
    log "stopping cluster node-$node (pid $pid)"
    kill "$pid"
  done
  for node in "${CLUSTER_NODES[@]}"; do
    for _ in $(seq 1 60); do cluster_node_running "$node" || break; sleep 1; done
    cluster_node_running "$node" && kill -9 "$(cat "$(cluster_pid_file "$node")")"
    rm -f "$(cluster_pid_file "$node")"
  done
  return 0
}

cluster_status() {
  local node
  for node in "${CLUSTER_NODES[@]}"; do
    if cluster_node_running "$node"; then
      echo "cluster node-$node  up    $(cluster_url "$node") $(curl -fsS -m 5 "$(cluster_url "$node")/_cluster/health" 2>/dev/null | grep -o '"status":"[a-z]*"' | cut -d'"' -f4)"
    else
      echo "cluster node-$node  down  $(cluster_url "$node")"
    fi
  done
}
