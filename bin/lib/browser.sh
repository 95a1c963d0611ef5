# The headless browser of the web page's tests: Debian's chromium and its chromedriver (test tools may not download one).
# Sourced by bin/test after common.sh.

BROWSER_BINARY="${BROWSER_BINARY:-/usr/bin/chromium}"
BROWSER_DRIVER="${BROWSER_DRIVER:-/usr/bin/chromedriver}"

browser_ensure() {
  if [ -x "$BROWSER_BINARY" ] && [ -x "$BROWSER_DRIVER" ]; then
    return
  fi
  [ "$(id -u)" -eq 0 ] || die "the browser tests need $BROWSER_BINARY and $BROWSER_DRIVER: run 'apt-get install chromium chromium-driver' as root, or set BROWSER_BINARY and BROWSER_DRIVER"
  log "installing chromium and chromium-driver with apt-get (browser tests)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq chromium chromium-driver >&2 || die "apt-get install chromium chromium-driver failed"
}
