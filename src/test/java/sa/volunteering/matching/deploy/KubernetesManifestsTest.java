package sa.volunteering.matching.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests in {@code deploy/kubernetes} cannot be applied here, so each is checked against the
 * Kubernetes API's own schema (the models generated from its OpenAPI document refuse unknown
 * fields, missing required ones and wrong types), and against the service: the names that tie the
 * objects together, the probes' paths and port, a drain that fits the grace period, and variables
 * that set properties the service has.
 */
class KubernetesManifestsTest {

  private static final Path DIRECTORY = Path.of("deploy", "kubernetes");

  /** Set by the JVM, Spring Boot or the driver rather than by the service's own files. */
  private static final Set<String> OTHER_PROPERTIES =
      Set.of(
          "spring.elasticsearch.uris",
          "spring.r2dbc.url",
          "spring.r2dbc.username",
          "spring.r2dbc.password",
          "server.forward-headers-strategy");

  private interface Schema {
    void validate(JsonElement manifest) throws IOException;
  }

  private static final Map<String, Schema> SCHEMAS =
      Map.of(
          "v1/ConfigMap", V1ConfigMap::validateJsonElement,
          "v1/Secret", V1Secret::validateJsonElement,
          "v1/Service", V1Service::validateJsonElement,
          "apps/v1/Deployment", V1Deployment::validateJsonElement,
          "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
          "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement);

  @Test
  void everyManifestIsValidForItsKind() throws IOException {
    List<Map<String, Object>> manifests = manifests();
    assertThat(manifests)
        .extracting(KubernetesManifestsTest::kind)
        .containsExactlyInAnyOrderElementsOf(SCHEMAS.keySet());
    for (Map<String, Object> manifest : manifests) {
      validate(manifest);
    }
  }

  @Test
  void theSchemaRefusesAMisspelledFieldAndAWrongType() throws IOException {
    Map<String, Object> deployment = only("Deployment");
    Map<String, Object> misspelled = copy(deployment);
    map(misspelled, "spec").put("replica", map(misspelled, "spec").remove("replicas"));
    assertThatThrownBy(() -> validate(misspelled)).hasMessageContaining("replica");

    Map<String, Object> wrongType = copy(deployment);
    map(wrongType, "spec").put("selector", "app.kubernetes.io/name=opportunity-matching");
    assertThatThrownBy(() -> validate(wrongType)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void theKustomizationListsEveryManifest() throws IOException {
    Map<String, Object> kustomization = yaml(DIRECTORY.resolve("kustomization.yaml")).get(0);
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      assertThat(list(kustomization, "resources"))
          .containsExactlyInAnyOrderElementsOf(
              files
                  .map(file -> file.getFileName().toString())
                  .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                  .toList());
    }
  }

  @Test
  void theObjectsFindEachOther() throws IOException {
    Map<String, Object> deployment = only("Deployment");
    Map<String, Object> labels = map(map(map(deployment, "spec"), "template"), "metadata");
    Map<String, Object> podLabels = map(labels, "labels");
    assertThat(map(map(deployment, "spec"), "selector").get("matchLabels")).isEqualTo(podLabels);
    assertThat(map(only("Service"), "spec").get("selector")).isEqualTo(podLabels);
    assertThat(map(map(only("PodDisruptionBudget"), "spec"), "selector").get("matchLabels"))
        .isEqualTo(podLabels);
    Map<String, Object> target =
        map(map(only("HorizontalPodAutoscaler"), "spec"), "scaleTargetRef");
    assertThat(target).containsEntry("kind", "Deployment").containsEntry("name", name(deployment));

    Map<String, Object> container = container();
    List<String> envFrom = new ArrayList<>();
    for (Object source : list(container, "envFrom")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> from = (Map<String, Object>) source;
      from.values()
          .forEach(ref -> envFrom.add(kindOfRef(from) + "/" + ((Map<?, ?>) ref).get("name")));
    }
    assertThat(envFrom)
        .containsExactlyInAnyOrder(
            "ConfigMap/" + name(only("ConfigMap")), "Secret/" + name(only("Secret")));

    // the autoscaler never goes below what the disruption budget keeps
    int minAvailable = (Integer) map(only("PodDisruptionBudget"), "spec").get("minAvailable");
    int minReplicas = (Integer) map(only("HorizontalPodAutoscaler"), "spec").get("minReplicas");
    assertThat(minReplicas).isGreaterThan(minAvailable);
  }

  @Test
  void probesAskTheServicesHealthOnItsPort() throws IOException {
    Map<String, Object> container = container();
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Object port : list(container, "ports")) {
      Map<?, ?> p = (Map<?, ?>) port;
      ports.put((String) p.get("name"), (Integer) p.get("containerPort"));
    }
    Map<String, Object> defaults = serviceProperties();
    assertThat(ports)
        .containsEntry("http", Integer.valueOf(String.valueOf(defaults.get("server.port"))))
        .containsEntry(
            "management", Integer.valueOf(String.valueOf(defaults.get("management.server.port"))));
    Map<String, String> expected =
        Map.of("startupProbe", "/livez", "livenessProbe", "/livez", "readinessProbe", "/readyz");
    expected.forEach(
        (probe, path) -> {
          Map<String, Object> get = map(map(container, probe), "httpGet");
          assertThat(get).as(probe).containsEntry("path", path).containsEntry("port", "http");
        });
    Map<String, Object> service = only("Service");
    assertThat(((Map<?, ?>) list(map(service, "spec"), "ports").get(0)).get("targetPort"))
        .isEqualTo("http");
  }

  /**
   * On SIGTERM the pod leaves the endpoints (readiness failing) before it stops taking connections,
   * and the whole shutdown ends before the kubelet's SIGKILL.
   */
  @Test
  void drainingFitsTheGracePeriod() throws IOException {
    Map<String, Object> readiness = map(container(), "readinessProbe");
    Duration outOfEndpoints =
        Duration.ofSeconds(
            (Integer) readiness.get("periodSeconds") * (Integer) readiness.get("failureThreshold"));
    Duration drain =
        DurationStyle.detectAndParse(configMap().get("APP_SHUTDOWN_DRAIN_DELAY").toString());
    Duration phase =
        DurationStyle.detectAndParse(
            String.valueOf(serviceProperties().get("spring.lifecycle.timeout-per-shutdown-phase")));
    int grace =
        (Integer)
            map(map(map(only("Deployment"), "spec"), "template"), "spec")
                .get("terminationGracePeriodSeconds");
    assertThat(drain).isGreaterThan(outOfEndpoints);
    assertThat(drain.plus(phase)).isLessThan(Duration.ofSeconds(grace));
  }

  @Test
  void everyVariableSetsAPropertyOfTheService() throws IOException {
    Set<String> properties = new HashSet<>(serviceProperties().keySet());
    properties.addAll(OTHER_PROPERTIES);
    Map<String, Object> variables = new LinkedHashMap<>(configMap());
    variables.putAll(map(only("Secret"), "stringData"));
    variables.remove("JAVA_TOOL_OPTIONS");
    for (String variable : variables.keySet()) {
      ConfigurationPropertySource environment =
          ConfigurationPropertySource.from(
              new SystemEnvironmentPropertySource("environment", Map.of(variable, "x")));
      assertThat(properties)
          .as(variable + " sets a property the service has")
          .anyMatch(
              property ->
                  environment.getConfigurationProperty(
                          ConfigurationPropertyName.adapt(property, '.'))
                      != null);
    }
    assertThat(variables)
        .as("what the service will not start without")
        .containsKeys(
            "APP_SECURITY_JWT_SECRET", "APP_SECURITY_NATIONAL_ID_KEY", "SPRING_R2DBC_PASSWORD");
  }

  private static void validate(Map<String, Object> manifest) throws IOException {
    Schema schema = SCHEMAS.get(kind(manifest));
    assertThat(schema).as("a schema for " + kind(manifest)).isNotNull();
    schema.validate(new Gson().toJsonTree(manifest));
  }

  /** Every property the service's own configuration names, flattened ({@code a.b[0].c}). */
  private static Map<String, Object> serviceProperties() throws IOException {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String file : List.of("application.yml", "application-local.yml")) {
      for (var source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
        EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
        for (String name : enumerable.getPropertyNames()) {
          properties.putIfAbsent(name, enumerable.getProperty(name));
        }
      }
    }
    return properties;
  }

  private static Map<String, Object> configMap() throws IOException {
    return map(only("ConfigMap"), "data");
  }

  private static Map<String, Object> container() throws IOException {
    Map<String, Object> pod = map(map(map(only("Deployment"), "spec"), "template"), "spec");
    List<Object> containers = list(pod, "containers");
    assertThat(containers).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> container = (Map<String, Object>) containers.get(0);
    return container;
  }

  private static String kindOfRef(Map<String, Object> from) {
    return from.containsKey("configMapRef") ? "ConfigMap" : "Secret";
  }

  private static Map<String, Object> only(String kind) throws IOException {
    List<Map<String, Object>> found =
        manifests().stream().filter(manifest -> kind.equals(manifest.get("kind"))).toList();
    assertThat(found).as("manifests of kind " + kind).hasSize(1);
    return found.get(0);
  }

  private static List<Map<String, Object>> manifests() throws IOException {
    List<Map<String, Object>> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      for (Path file : files.sorted().toList()) {
        if (file.toString().endsWith(".yaml") && !file.endsWith("kustomization.yaml")) {
          manifests.addAll(yaml(file));
        }
      }
    }
    return manifests;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> yaml(Path file) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : new Yaml().loadAll(reader)) {
        if (document != null) {
          documents.add((Map<String, Object>) document);
        }
      }
    }
    return documents;
  }

  private static String kind(Map<String, Object> manifest) {
    return manifest.get("apiVersion") + "/" + manifest.get("kind");
  }

  private static String name(Map<String, Object> manifest) {
    return (String) map(manifest, "metadata").get("name");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object child = parent.get(key);
    assertThat(child).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) child;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    Object child = parent.get(key);
    assertThat(child).as(key).isInstanceOf(List.class);
    return (List<Object>) child;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> manifest) {
    Gson gson = new Gson();
    return gson.fromJson(gson.toJson(manifest), Map.class);
  }
}
