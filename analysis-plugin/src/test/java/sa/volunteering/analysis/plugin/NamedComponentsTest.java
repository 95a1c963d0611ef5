package sa.volunteering.analysis.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch finds a stable plugin's components only through named_components.json, which we
 * write by hand (Maven has no scanner): this keeps it equal to the annotated classes.
 */
class NamedComponentsTest {

  private static final Path CLASSES = Path.of("target/classes/sa/volunteering/analysis/plugin");
  private static final Pattern ENTRY = Pattern.compile("\"(vol_[a-z_]+)\"\\s*:\\s*\"([\\w.]+)\"");

  @Test
  void namedComponentsFileListsEveryAnnotatedComponentUnderItsInterface() throws Exception {
    String json = Files.readString(Path.of("src/main/plugin/named_components.json"));
    String filters = section(json, TokenFilterFactory.class);
    String analyzers = section(json, AnalyzerFactory.class);

    Map<String, String> declared = new TreeMap<>();
    declared.putAll(entries(filters));
    declared.putAll(entries(analyzers));

    Map<String, String> annotated = new TreeMap<>();
    for (Class<?> type : componentClasses()) {
      NamedComponent named = type.getAnnotation(NamedComponent.class);
      annotated.put(named.value(), type.getName());
      String expectedSection =
          TokenFilterFactory.class.isAssignableFrom(type) ? filters : analyzers;
      assertThat(expectedSection).contains("\"" + named.value() + "\"");
    }
    assertThat(declared).isEqualTo(annotated);
    assertThat(annotated).hasSizeGreaterThanOrEqualTo(12);
  }

  private static String section(String json, Class<?> extensible) {
    int start = json.indexOf("\"" + extensible.getName() + "\"");
    assertThat(start).as("section for %s", extensible.getName()).isNotNegative();
    return json.substring(start, json.indexOf('}', start));
  }

  private static Map<String, String> entries(String section) {
    Map<String, String> result = new TreeMap<>();
    Matcher matcher = ENTRY.matcher(section);
    while (matcher.find()) {
      result.put(matcher.group(1), matcher.group(2));
    }
    return result;
  }

  private static java.util.List<Class<?>> componentClasses() throws IOException {
    try (Stream<Path> files = Files.list(CLASSES)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .map(
              name ->
                  load("sa.volunteering.analysis.plugin." + name.substring(0, name.length() - 6)))
          .<Class<?>>map(type -> type)
          .filter(type -> type.isAnnotationPresent(NamedComponent.class))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
