#!/bin/bash
# Like the official image: every environment variable whose name holds a dot (discovery.type, xpack.security.enabled)
# is a setting passed with -E; HTTP listens on every interface of the container.
set -euo pipefail
settings=(-E network.host=0.0.0.0)
while IFS='=' read -r -d '' name value; do
  [[ "$name" == *.* ]] && settings+=(-E "$name=$value")
done < <(env -0)
exec /usr/share/elasticsearch/bin/elasticsearch "${settings[@]}" "$@"
