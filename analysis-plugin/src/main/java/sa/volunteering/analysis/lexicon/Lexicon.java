package sa.volunteering.analysis.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The concepts of the lexicon, found by any of their forms folded by {@link LexiconKeys}. Read once
 * from the files beside this class ({@code lexicon/README.md} has their format); a malformed line
 * or a form that two concepts share stops the load with the file and line that are wrong.
 */
public final class Lexicon {

  private static final String DIRECTORY = "/sa/volunteering/analysis/lexicon/";
  private static final String COLUMNS = " ; ";
  private static final String FORMS = "\\|";
  private static final String NONE = "-";

  private static volatile Lexicon shipped;

  private final List<Concept> concepts;
  private final Map<String, Concept> byKey;
  private final int longestFormInWords;

  private Lexicon(List<Concept> concepts, Map<String, Concept> byKey) {
    this.concepts = List.copyOf(concepts);
    this.byKey = Map.copyOf(byKey);
    this.longestFormInWords =
        byKey.keySet().stream().mapToInt(key -> key.split(" ").length).max().orElse(0);
  }

  /** The lexicon shipped with the plugin, read on first use. */
  public static Lexicon shipped() {
    Lexicon lexicon = shipped;
    if (lexicon == null) {
      synchronized (Lexicon.class) {
        if (shipped == null) {
          Map<String, List<String>> files = new LinkedHashMap<>();
          for (String field : lines("fields.txt")) {
            files.put(field, lines(field + ".tsv"));
          }
          shipped = parse(files);
        }
        lexicon = shipped;
      }
    }
    return lexicon;
  }

  /** A lexicon from the lines of its files, by field. */
  public static Lexicon parse(Map<String, List<String>> linesByField) {
    List<Concept> concepts = new ArrayList<>();
    Map<String, Concept> byKey = new HashMap<>();
    Map<String, String> placeOfKey = new HashMap<>();
    linesByField.forEach(
        (field, lines) -> {
          for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank() || line.startsWith("#")) {
              continue;
            }
            String place = field + ".tsv:" + number;
            Concept concept = concept(field, line, place);
            concepts.add(concept);
            for (String form : concept.forms()) {
              String key = LexiconKeys.of(form);
              if (key.isEmpty()) {
                throw new IllegalStateException(place + ": the form '" + form + "' has no word");
              }
              Concept other = byKey.putIfAbsent(key, concept);
              if (other != null && other != concept) {
                throw new IllegalStateException(
                    place
                        + ": '"
                        + form
                        + "' is also a form of "
                        + other.id()
                        + " at "
                        + placeOfKey.get(key));
              }
              placeOfKey.putIfAbsent(key, place);
            }
          }
        });
    return new Lexicon(concepts, byKey);
  }

  public List<Concept> concepts() {
    return concepts;
  }

  /** The concept a phrase names, compared by its {@link LexiconKeys key}. */
  public Optional<Concept> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The number of words of the longest form, the most a lookup needs to join. */
  public int longestFormInWords() {
    return longestFormInWords;
  }

  private static Concept concept(String field, String line, String place) {
    String[] columns = line.split(COLUMNS, -1);
    if (columns.length != 5) {
      throw new IllegalStateException(
          place
              + ": "
              + columns.length
              + " columns, not 5 (english ; arabic ; other number ; worker or work ; gulf)");
    }
    List<String> english = forms(columns[0]);
    if (english.isEmpty() || forms(columns[1]).isEmpty()) {
      throw new IllegalStateException(place + ": a concept needs an English and an Arabic form");
    }
    return new Concept(
        field + "/" + english.get(0),
        field,
        english,
        forms(columns[1]),
        forms(columns[2]),
        forms(columns[3]),
        forms(columns[4]));
  }

  private static List<String> forms(String column) {
    String trimmed = column.strip();
    if (trimmed.equals(NONE) || trimmed.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(trimmed.split(FORMS))
        .map(String::strip)
        .filter(f -> !f.isEmpty())
        .toList();
  }

  private static List<String> lines(String name) {
    try (InputStream in = Lexicon.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException("missing lexicon file " + name);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
