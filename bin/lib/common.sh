# Shared by the bin/ scripts: configuration, the JDK finder, logging.
# Configuration uses Spring Boot's own names, so one environment drives scripts, service and tests.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

: "${SPRING_ELASTICSEARCH_URIS:=http://127.0.0.1:9200}"
: "${SPRING_R2DBC_URL:=r2dbc:postgresql://127.0.0.1:5432/volunteering}"
: "${SPRING_R2DBC_USERNAME:=volunteering}"
: "${SPRING_R2DBC_PASSWORD:=volunteering}"
export SPRING_ELASTICSEARCH_URIS SPRING_R2DBC_URL SPRING_R2DBC_USERNAME SPRING_R2DBC_PASSWORD

ES_VERSION="9.5.3"
: "${ES_HEAP:=1g}"
: "${ES_USER:=opportunity-es}"
if [ "$(id -u)" -eq 0 ]; then
  # Elasticsearch refuses root, and the user it runs as must reach its files: a checkout below a
  # root-only folder (/root, a CI workspace) is not reachable, so the stack lives outside it.
  : "${STACK_DIR:=/var/lib/opportunity-matching}"
else
  : "${STACK_DIR:=$REPO_DIR/.stack}"
fi

log() { printf '%s [stack] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Prints a JDK home of version 21 or newer: JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
find_jdk() {
  local tried=() candidate version
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  while IFS= read -r candidate; do candidates+=("$candidate"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
  for candidate in "${candidates[@]}"; do
    tried+=("$candidate")
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "error: no JDK 21 or newer found. Tried: ${tried[*]:-(JAVA_HOME unset and /usr/lib/jvm empty)}" >&2
  echo "Install one (apt-get install openjdk-21-jdk-headless, or Temurin) or point JAVA_HOME at it." >&2
  return 1
}

use_jdk() {
  JAVA_HOME="$(find_jdk)" || exit 1
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}

# The runnable jar of a module: "." for the service, "tools", "bench". Builds the module (and what it needs) when no
# jar is there yet; "fresh" builds it whatever is there.
module_jar() {
  local module="$1" jar
  jar="$(ls "$REPO_DIR/$module"/target/*-exec.jar 2>/dev/null | head -n 1)"
  if [ -z "$jar" ] || [ "${2:-}" = fresh ]; then
    (cd "$REPO_DIR" && mvn -B -q -DskipTests package -pl "$([ "$module" = . ] && echo :opportunity-matching || echo "$module")" -am) >&2 || return 1
    jar="$(ls "$REPO_DIR/$module"/target/*-exec.jar | head -n 1)"
  fi
  echo "$jar"
}

# host and port of a URL such as http://127.0.0.1:9200 or r2dbc:postgresql://host:5432/db
url_host() { sed -E 's#^[a-z0-9:]*//([^/:@]*@)?([^/:]+).*#\2#' <<<"$1"; }
url_port() { local p; p="$(sed -nE 's#^[a-z0-9:]*//([^/@]*@)?[^/:]+:([0-9]+).*#\2#p' <<<"$1")"; echo "${p:-$2}"; }
url_path() { sed -nE 's#^[a-z0-9:]*//[^/]+/([^?]*).*#\1#p' <<<"$1"; }
