# Elasticsearch: the integ-test-zip distribution from Maven Central, with the project's plugin.

ES_HOME="$STACK_DIR/elasticsearch-$ES_VERSION"
ES_DATA="$STACK_DIR/es-data"
ES_LOGS="$STACK_DIR/es-logs"
ES_PID="$STACK_DIR/es.pid"
ES_URL="${SPRING_ELASTICSEARCH_URIS%%,*}"
ES_PLUGIN_NAME="volunteering-arabic-analysis"
ES_PLUGIN_STAMP="$STACK_DIR/plugin.sha256"

as_es_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$ES_USER" -- "$@"
  else
    "$@"
  fi
}

es_running() { [ -f "$ES_PID" ] && kill -0 "$(cat "$ES_PID")" 2>/dev/null; }
es_answers() { curl -fsS -m 5 "$ES_URL/_cluster/health" >/dev/null 2>&1; }

es_ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
}

es_install() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  log "resolving org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip through Maven"
  mkdir -p "$STACK_DIR/dist"
  (cd "$STACK_DIR/dist" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$STACK_DIR/dist" >&2) || die "could not resolve the Elasticsearch distribution through Maven"
  log "unpacking into $ES_HOME"
  rm -rf "$ES_HOME.partial" && mkdir -p "$ES_HOME.partial"
  unzip -q "$STACK_DIR/dist/elasticsearch-$ES_VERSION.zip" -d "$ES_HOME.partial"
  mv "$ES_HOME.partial/elasticsearch-$ES_VERSION" "$ES_HOME" && rmdir "$ES_HOME.partial"
}

plugin_zip() {
  local zip
  for zip in "$REPO_DIR"/analysis-plugin/target/"$ES_PLUGIN_NAME"-*.zip; do
    [ -e "$zip" ] && echo "$zip" && return 0
  done
  return 0
}

plugin_build() {
  local zip
  zip="$(plugin_zip)"
  if [ -z "$zip" ] || [ -n "$(find "$REPO_DIR/analysis-plugin/src" "$REPO_DIR/analysis-plugin/pom.xml" "$REPO_DIR/pom.xml" -newer "$zip" -print -quit)" ]; then
    log "building the analysis plugin"
    (cd "$REPO_DIR" && mvn -B -q -pl analysis-plugin -am package -DskipTests >&2) || die "plugin build failed"
  fi
}

# Installs the plugin when it is missing or its zip changed; returns 0 when it (re)installed it.
plugin_install_if_changed() {
  local zip sum
  zip="$(plugin_zip)"
  sum="$(sha256sum "$zip" | cut -d' ' -f1)"
  if [ -d "$ES_HOME/plugins/$ES_PLUGIN_NAME" ] && [ "$(cat "$ES_PLUGIN_STAMP" 2>/dev/null)" = "$sum" ]; then
    return 1
  fi
  local was_running=0
  if es_running; then was_running=1; es_stop; fi
  log "installing plugin $(basename "$zip")"
  cp "$zip" "$STACK_DIR/$ES_PLUGIN_NAME.zip"
  chown_stack
  if [ -d "$ES_HOME/plugins/$ES_PLUGIN_NAME" ]; then
    as_es_user env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" "$ES_HOME/bin/elasticsearch-plugin" remove --purge "$ES_PLUGIN_NAME" >&2
  fi
  as_es_user env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" "$ES_HOME/bin/elasticsearch-plugin" install --batch \
    "file://$STACK_DIR/$ES_PLUGIN_NAME.zip" >&2 || die "plugin install failed"
  echo "$sum" >"$ES_PLUGIN_STAMP"
  [ "$was_running" -eq 1 ] && es_start
  return 0
}

chown_stack() {
  [ "$(id -u)" -eq 0 ] || return 0
  mkdir -p "$ES_DATA" "$ES_LOGS"
  chown -R "$ES_USER" "$ES_HOME" "$ES_DATA" "$ES_LOGS" "$STACK_DIR/$ES_PLUGIN_NAME.zip" 2>/dev/null || true
  chmod 755 "$STACK_DIR"
}

es_start() {
  if es_running; then
    log "elasticsearch already running (pid $(cat "$ES_PID"))"
  else
    if es_answers; then
      die "something else answers at $ES_URL; stop it or set SPRING_ELASTICSEARCH_URIS"
    fi
    chown_stack
    rm -f "$ES_PID"
    : >"$ES_PID" && chown "$ES_USER" "$ES_PID" 2>/dev/null || true
    log "starting elasticsearch $ES_VERSION at $ES_URL (heap $ES_HEAP, data in $ES_DATA)"
    as_es_user env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_EXTRA_JAVA_OPTS:-}" \
      "$ES_HOME/bin/elasticsearch" -d -p "$ES_PID" \
      -E cluster.name=opportunity-matching -E node.name=local \
      -E discovery.type=single-node -E xpack.security.enabled=false -E search.allow_expensive_queries=false -E action.auto_create_index=false \
      -E network.host="$(url_host "$ES_URL")" -E http.port="$(url_port "$ES_URL" 9200)" \
      -E path.data="$ES_DATA" -E path.logs="$ES_LOGS" >"$STACK_DIR/es-startup.out" 2>&1 \
      || { tail -n 30 "$STACK_DIR/es-startup.out" >&2; die "elasticsearch did not start; see $STACK_DIR/es-startup.out and $ES_LOGS"; }
  fi
  es_wait_green
}

es_wait_green() {
  local deadline=$((SECONDS + ${ES_START_TIMEOUT:-180}))
  until curl -fsS -m 10 "$ES_URL/_cluster/health?wait_for_status=green&timeout=5s" 2>/dev/null | grep -q '"status":"green"'; do
    es_running || die "elasticsearch exited during start-up; see $ES_LOGS/opportunity-matching.log"
    [ "$SECONDS" -lt "$deadline" ] || die "elasticsearch not green after ${ES_START_TIMEOUT:-180}s; see $ES_LOGS"
    sleep 2
  done
  log "elasticsearch green"
}

es_stop() {
  es_running || { rm -f "$ES_PID"; return 0; }
  local pid
  pid="$(cat "$ES_PID")"
  log "stopping elasticsearch (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then
    log "elasticsearch ignored SIGTERM for 60s; killing it"
    kill -9 "$pid"
  fi
  rm -f "$ES_PID"
}

es_status() {
  if es_answers; then
    local version plugins health
    version="$(curl -fsS -m 5 "$ES_URL/_nodes/_local?filter_path=nodes.*.version" | grep -o '"version":"[^"]*"' | head -n1 | cut -d'"' -f4)"
    health="$(curl -fsS -m 5 "$ES_URL/_cluster/health" | grep -o '"status":"[a-z]*"' | cut -d'"' -f4)"
    plugins="$(curl -fsS -m 5 "$ES_URL/_cat/plugins?h=component,version" | tr -s ' ' | paste -sd, -)"
    echo "elasticsearch  up    version $version, $health, $ES_URL, plugins: ${plugins:-none}"
  else
    echo "elasticsearch  down  ($ES_URL; distribution $ES_VERSION $( [ -x "$ES_HOME/bin/elasticsearch" ] && echo "installed in $ES_HOME" || echo "not installed"))"
  fi
}
