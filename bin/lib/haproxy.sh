# HAProxy, the balancer of the multi-instance topology (bin/cluster) and of the scale-out test: Debian's package.
# Sourced after common.sh.

HAPROXY_BINARY="${HAPROXY_BINARY:-/usr/sbin/haproxy}"
HAPROXY_CONFIG="$REPO_DIR/deploy/haproxy/haproxy.cfg"

haproxy_ensure() {
  [ -x "$HAPROXY_BINARY" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "the balancer needs $HAPROXY_BINARY: run 'apt-get install haproxy' as root, or set HAPROXY_BINARY"
  log "installing haproxy with apt-get (the balancer of bin/cluster and of the scale-out test)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq haproxy >&2 || die "apt-get install haproxy failed"
  # the package's own service (an empty configuration) is not ours to run
  if command -v service >/dev/null && service haproxy status >/dev/null 2>&1; then service haproxy stop >&2 || true; fi
}
