# Docker for bin/images, bin/test --stack=containers and bin/compose-check: an engine that answers (installed and
# started here when missing, as root), and images built from the repository, from the official images where they can
# be pulled and from Debian's packages where nothing can (docs/decisions/0025-images-built-here-and-elsewhere.md).

DOCKER_STARTED_MARK="$STACK_DIR/dockerd.started-by-stack"
DOCKERD_LOG="$STACK_DIR/dockerd.log"
# The image names the compose file and the tests read, and the Testcontainers settings where nothing can be pulled:
# written by bin/images, read by docker compose (its .env) and by bin/test.
IMAGES_ENV="$REPO_DIR/.env"

docker_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

docker_install() {
  command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1 && command -v mmdebstrap >/dev/null 2>&1 \
    && command -v docker-compose >/dev/null 2>&1 && return 0
  [ "$(id -u)" -eq 0 ] || die "Docker is missing; as root, the scripts install Debian's docker.io, docker-compose and mmdebstrap"
  log "installing docker.io, docker-compose and mmdebstrap with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq docker.io docker-compose mmdebstrap >&2 \
    || die "apt-get install docker.io docker-compose mmdebstrap failed"
}

# An engine that answers: the one running, else dockerd started here (and stopped by docker_stop).
docker_ensure() {
  if docker_answers; then
    return 0
  fi
  docker_install
  docker_answers && return 0
  [ "$(id -u)" -eq 0 ] || die "no Docker engine answers, and only root may start one"
  mkdir -p "$STACK_DIR"
  log "starting dockerd (log in $DOCKERD_LOG)"
  nohup dockerd >"$DOCKERD_LOG" 2>&1 &
  echo $! >"$DOCKER_STARTED_MARK"
  for _ in $(seq 1 60); do docker_answers && break; sleep 1; done
  docker_answers || { tail -n 20 "$DOCKERD_LOG" >&2; die "dockerd did not answer within 60 s"; }
  log "dockerd $(docker version --format '{{.Server.Version}}') answers"
}

docker_stop() {
  [ -f "$DOCKER_STARTED_MARK" ] || return 0
  local pid
  pid="$(cat "$DOCKER_STARTED_MARK")"
  log "stopping dockerd (pid $pid), which the scripts started"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  rm -f "$DOCKER_STARTED_MARK"
}

# docker compose (the plugin) where the client has it, else Debian's docker-compose.
compose() {
  docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 || docker_install
  if docker compose version >/dev/null 2>&1; then
    docker compose "$@"
  else
    docker-compose "$@"
  fi
}

# Whether an official image can be pulled from where this engine pulls (false where no registry is reachable).
docker_can_pull() {
  docker image inspect "$1" >/dev/null 2>&1 && return 0
  timeout 120 docker pull -q "$1" >/dev/null 2>&1
}

# The hash of a build's inputs: every file of its context, the Dockerfile and the build arguments.
inputs_hash() {
  local context="$1"
  shift
  { (cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum); printf '%s\n' "$@"; } | sha256sum | cut -c1-16
}

# docker build, skipped when an image of that name was built from the same inputs (its label says which).
build_image() {
  local name="$1" context="$2" dockerfile="$3"
  shift 3
  local args=() arg
  for arg in "$@"; do args+=(--build-arg "$arg"); done
  # a base image named in the arguments counts by its id, so a rebuilt base rebuilds what derives from it
  local base_ids=()
  for arg in "$@"; do
    base_ids+=("$(docker image inspect --format '{{.Id}}' "${arg#*=}" 2>/dev/null || true)")
  done
  local hash
  hash="$(inputs_hash "$context" "$(cat "$dockerfile")" "$@" "${base_ids[@]}")"
  if [ "$(docker image inspect --format '{{index .Config.Labels "opportunity-matching.inputs"}}' "$name" 2>/dev/null)" = "$hash" ]; then
    log "$name is up to date (inputs $hash)"
    return 0
  fi
  log "building $name"
  docker build -q --force-rm -t "$name" -f "$dockerfile" --label "opportunity-matching.inputs=$hash" "${args[@]}" "$context" >&2 \
    || die "docker build of $name failed"
}
