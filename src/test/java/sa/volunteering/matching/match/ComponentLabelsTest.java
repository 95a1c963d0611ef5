package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every line an explanation can carry has a label in both languages of the web page. */
class ComponentLabelsTest {

  @Test
  void everyComponentIsLabelledInArabicAndEnglish() throws IOException {
    String labels;
    try (var in = getClass().getResourceAsStream("/static/app/i18n.js")) {
      labels = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> components = new ArrayList<>(List.of(MatchQueries.TEXT));
    for (Direction direction : Direction.values()) {
      components.addAll(MatchScorer.components(direction));
    }
    for (String component : components) {
      Matcher label =
          Pattern.compile("'component\\." + Pattern.quote(component) + "':").matcher(labels);
      long count = label.results().count();
      assertThat(count).as("labels of %s", component).isEqualTo(2);
    }
  }
}
