package sa.volunteering.analysis.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of {@code analysis-cases.tsv}: the cases both the Lucene tests of the plugin and the
 * integration tests against the real node check, so that the two can never drift apart.
 */
public record AnalysisCase(String name, String chain, String input, List<String> expected) {

  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

  public static List<AnalysisCase> load() {
    try (InputStream in = AnalysisCase.class.getResourceAsStream("/analysis-cases.tsv")) {
      if (in == null) {
        throw new IllegalStateException("analysis-cases.tsv is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(AnalysisCase::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AnalysisCase parse(String line) {
    String[] columns = line.split("\t", -1);
    if (columns.length != 4) {
      throw new IllegalArgumentException("expected 4 tab-separated columns: " + line);
    }
    String expected = unescape(columns[3]).strip();
    return new AnalysisCase(
        columns[0],
        columns[1],
        unescape(columns[2]),
        expected.isEmpty() ? List.of() : List.of(expected.split("\\|")));
  }

  private static String unescape(String text) {
    Matcher matcher = ESCAPE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          result, String.valueOf((char) Integer.parseInt(matcher.group(1), 16)));
    }
    return matcher.appendTail(result).toString();
  }

  @Override
  public String toString() {
    return chain + ": " + name;
  }
}
