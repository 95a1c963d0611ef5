package sa.volunteering.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** Stop words and protected words, normalized the same way as the text they are compared with. */
public final class WordLists {

  private static final CharArraySet STOP_WORDS = buildStopWords();
  private static final CharArraySet SEARCH_STOP_WORDS = buildSearchStopWords();
  private static final List<String> BUILT_IN_PROTECTED = readResource("protected-words.txt");

  private WordLists() {}

  /** Lucene's Arabic and English stop lists plus our own, all normalized; shared and read-only. */
  public static CharArraySet stopWords() {
    return STOP_WORDS;
  }

  /**
   * {@link #stopWords} plus the words around a query's intent («ودي», «حاب», «وش», «فيه»): what the
   * search analyzers drop and the indexed text keeps.
   */
  public static CharArraySet searchStopWords() {
    return SEARCH_STOP_WORDS;
  }

  /** The shipped protected words (cities, organizations, names) plus {@code extra}, normalized. */
  public static CharArraySet protectedWords(Collection<String> extra) {
    CharArraySet set = new CharArraySet(BUILT_IN_PROTECTED.size() + extra.size(), false);
    BUILT_IN_PROTECTED.forEach(word -> addNormalized(set, word));
    extra.forEach(word -> addNormalized(set, word));
    return CharArraySet.unmodifiableSet(set);
  }

  private static CharArraySet buildStopWords() {
    CharArraySet set = new CharArraySet(512, false);
    for (Object word : ArabicAnalyzer.getDefaultStopSet()) {
      addNormalized(set, new String((char[]) word));
    }
    for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      addNormalized(set, new String((char[]) word));
    }
    readResource("stop-words.txt").forEach(word -> addNormalized(set, word));
    return CharArraySet.unmodifiableSet(set);
  }

  private static CharArraySet buildSearchStopWords() {
    CharArraySet set = new CharArraySet(STOP_WORDS.size() + 64, false);
    set.addAll(STOP_WORDS);
    readResource("dialect-stop-words.txt").forEach(word -> addNormalized(set, word));
    return CharArraySet.unmodifiableSet(set);
  }

  private static void addNormalized(CharArraySet set, String word) {
    String trimmed = word.strip();
    if (!trimmed.isEmpty()) {
      set.add(ArabicNormalizer.normalize(trimmed.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  private static List<String> readResource(String name) {
    try (InputStream in = WordLists.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
