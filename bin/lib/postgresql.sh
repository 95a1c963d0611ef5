# PostgreSQL: the server at SPRING_R2DBC_URL if it answers, else the local Debian cluster.

PG_HOST="$(url_host "$SPRING_R2DBC_URL")"
PG_PORT="$(url_port "$SPRING_R2DBC_URL" 5432)"
PG_DB="$(url_path "$SPRING_R2DBC_URL")"
PG_DB="${PG_DB:-volunteering}"
PG_STARTED_MARK="$STACK_DIR/postgresql.started-by-stack"

pg_answers() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 2>/dev/null; }
pg_is_local() { [ "$PG_HOST" = "127.0.0.1" ] || [ "$PG_HOST" = "localhost" ] || [ "$PG_HOST" = "::1" ]; }

pg_install() {
  command -v pg_lsclusters >/dev/null 2>&1 && [ -n "$(pg_lsclusters -h 2>/dev/null)" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; as root, bin/stack installs it with apt"
  log "installing postgresql with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql postgresql-client >&2 || die "apt-get install postgresql failed"
}

# The Debian cluster listening on PG_PORT, as "version name"; the first cluster when none does.
pg_cluster() {
  local line
  line="$(pg_lsclusters -h | awk -v port="$PG_PORT" '$3 == port {print $1, $2; exit}')"
  [ -n "$line" ] || line="$(pg_lsclusters -h | awk 'NR == 1 {print $1, $2}')"
  echo "$line"
}

pg_start() {
  if pg_answers; then
    log "postgresql answers at $PG_HOST:$PG_PORT"
  else
    pg_is_local || die "postgresql at $PG_HOST:$PG_PORT does not answer, and it is not a local server the stack can start"
    pg_install
    local cluster
    cluster="$(pg_cluster)"
    [ -n "$cluster" ] || die "no PostgreSQL cluster found (pg_lsclusters is empty)"
    log "starting postgresql cluster $cluster"
    # shellcheck disable=SC2086
    pg_ctlcluster $cluster start >&2 || die "pg_ctlcluster $cluster start failed"
    touch "$PG_STARTED_MARK"
    for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
    pg_answers || die "postgresql did not answer at $PG_HOST:$PG_PORT after start (is the cluster on another port?)"
  fi
  pg_ensure_database
}

# Over the Unix socket, where Debian lets the postgres user in by peer authentication.
pg_superuser_psql() { (cd / && runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@"); }

# Creates the service's role and database; needs the local postgres superuser, else checks access.
pg_ensure_database() {
  if [ "$(id -u)" -eq 0 ] && pg_is_local && id postgres >/dev/null 2>&1 && pg_superuser_psql -d postgres -c 'select 1' >/dev/null 2>&1; then
    local user_sql="${SPRING_R2DBC_USERNAME//\'/\'\'}" pass_sql="${SPRING_R2DBC_PASSWORD//\'/\'\'}"
    if [ "$(pg_superuser_psql -d postgres -c "select 1 from pg_roles where rolname = '$user_sql'")" != "1" ]; then
      log "creating role $SPRING_R2DBC_USERNAME"
      pg_superuser_psql -d postgres -c "create role \"$SPRING_R2DBC_USERNAME\" login password '$pass_sql'" >&2
    fi
    # the tests create a database of their own for each run, and drop it after (decision 0020)
    if [ "$(pg_superuser_psql -d postgres -c "select rolcreatedb from pg_roles where rolname = '$user_sql'")" != "t" ]; then
      log "letting role $SPRING_R2DBC_USERNAME create databases (each test run makes its own)"
      pg_superuser_psql -d postgres -c "alter role \"$SPRING_R2DBC_USERNAME\" createdb" >&2
    fi
    if [ "$(pg_superuser_psql -d postgres -c "select 1 from pg_database where datname = '${PG_DB//\'/\'\'}'")" != "1" ]; then
      log "creating database $PG_DB"
      pg_superuser_psql -d postgres -c "create database \"$PG_DB\" owner \"$SPRING_R2DBC_USERNAME\"" >&2
    fi
  fi
  PGPASSWORD="$SPRING_R2DBC_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$SPRING_R2DBC_USERNAME" -d "$PG_DB" -qAt -c 'select 1' >/dev/null \
    || die "cannot connect to database $PG_DB at $PG_HOST:$PG_PORT as $SPRING_R2DBC_USERNAME"
  log "postgresql database $PG_DB ready for $SPRING_R2DBC_USERNAME"
}

pg_stop() {
  [ -f "$PG_STARTED_MARK" ] || { log "postgresql was not started by the stack; leaving it running"; return 0; }
  local cluster
  cluster="$(pg_cluster)"
  log "stopping postgresql cluster $cluster"
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster stop >&2 || true
  rm -f "$PG_STARTED_MARK"
}

# pg_ctlcluster on the local cluster, fast (open connections are cut, transactions in flight roll back): fault tests.
pg_ctl_fast() {
  pg_is_local || die "postgresql at $PG_HOST:$PG_PORT is not a local server the stack can $1"
  local cluster
  cluster="$(pg_cluster)"
  log "$1 postgresql cluster $cluster (fast)"
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster "$1" -m fast >&2 || die "pg_ctlcluster $cluster $1 failed"
}

pg_restart() {
  pg_ctl_fast restart
  for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
  pg_answers || die "postgresql did not answer after the restart"
}

# Stops the local cluster now, whoever started it: an outage that "bin/stack start postgresql" ends.
pg_stop_now() { pg_ctl_fast stop; }

pg_status() {
  if pg_answers; then
    local version
    version="$(PGPASSWORD="$SPRING_R2DBC_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$SPRING_R2DBC_USERNAME" -d "$PG_DB" -qAt -c 'show server_version' 2>/dev/null)"
    echo "postgresql     up    version ${version:-unknown (cannot log in as $SPRING_R2DBC_USERNAME)}, $PG_HOST:$PG_PORT/$PG_DB"
  else
    echo "postgresql     down  ($PG_HOST:$PG_PORT/$PG_DB)"
  fi
}
