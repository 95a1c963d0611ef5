# Elasticsearch 9.5.3 with the project's Arabic analysis plugin where the official image cannot be pulled: the
# distribution bin/stack runs (Maven Central's integ-test-zip) on a Java 21 runtime from Debian's packages, laid out
# like the official image (/usr/share/elasticsearch, user elasticsearch, settings from dotted environment variables).
ARG BASE
FROM ${BASE}
COPY elasticsearch.zip volunteering-arabic-analysis.zip /tmp/
COPY entrypoint.sh /usr/local/bin/elasticsearch-entrypoint
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends unzip \
 && unzip -q /tmp/elasticsearch.zip -d /usr/share \
 && mv /usr/share/elasticsearch-* /usr/share/elasticsearch \
 && apt-get purge -y -qq unzip && rm -rf /var/lib/apt/lists/* /tmp/elasticsearch.zip \
 && useradd --system --uid 1000 --home-dir /usr/share/elasticsearch --shell /usr/sbin/nologin elasticsearch \
 && mkdir -p /usr/share/elasticsearch/data /usr/share/elasticsearch/logs /usr/share/elasticsearch/config/jvm.options.d \
 && ES_JAVA_HOME="$JAVA_HOME" /usr/share/elasticsearch/bin/elasticsearch-plugin install --batch \
      file:///tmp/volunteering-arabic-analysis.zip \
 && rm /tmp/volunteering-arabic-analysis.zip \
 && chown -R elasticsearch:elasticsearch /usr/share/elasticsearch
WORKDIR /usr/share/elasticsearch
ENV ES_JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64
USER elasticsearch
EXPOSE 9200 9300
ENTRYPOINT ["/usr/local/bin/elasticsearch-entrypoint"]
