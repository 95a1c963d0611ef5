package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import sa.volunteering.analysis.ArabicNormalizer;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.Term;
import sa.volunteering.matching.taxonomy.Vocabulary;

/**
 * Completes cities, fields and skills from the taxonomy in memory: a prefix matches the start of
 * any name or variant, or of any word in it, folded like indexed text and without the article, so
 * {@code مك} finds مكة المكرمة and {@code المدي} finds المدينة المنورة.
 */
final class TaxonomySuggester {

  private record Entry(String type, Term term, String folded, List<String> words) {}

  private final List<Entry> entries = new ArrayList<>();

  TaxonomySuggester(Taxonomy taxonomy) {
    add("city", taxonomy.cities());
    add("field", taxonomy.fields());
    add("skill", taxonomy.skills());
  }

  List<Suggestion> suggest(String prefix, int size) {
    String folded = fold(prefix);
    String bare = withoutArticle(folded);
    if (bare.isEmpty()) {
      return List.of();
    }
    Language script = Language.ofText(prefix);
    record Match(Entry entry, int rank) {}
    List<Match> matches = new ArrayList<>();
    for (Entry entry : entries) {
      int rank =
          entry.folded().startsWith(folded)
              ? 0
              : entry.words().stream().anyMatch(word -> word.startsWith(bare)) ? 1 : -1;
      if (rank >= 0) {
        matches.add(new Match(entry, rank));
      }
    }
    return matches.stream()
        .sorted(
            Comparator.comparingInt(Match::rank)
                .thenComparingInt(match -> script.label(match.entry().term()).length()))
        .map(
            match ->
                new Suggestion(
                    match.entry().type(),
                    match.entry().term().code(),
                    script.label(match.entry().term())))
        .distinct()
        .limit(size)
        .toList();
  }

  private <T extends Term> void add(String type, Vocabulary<T> vocabulary) {
    for (T term : vocabulary.all()) {
      Stream.concat(Stream.of(term.ar(), term.en()), term.variants().stream())
          .distinct()
          .forEach(
              name -> {
                String folded = fold(name);
                List<String> words =
                    Stream.of(folded.split(" "))
                        .map(TaxonomySuggester::withoutArticle)
                        .filter(word -> !word.isEmpty())
                        .toList();
                entries.add(new Entry(type, term, folded, words));
              });
    }
  }

  static String fold(String text) {
    return ArabicNormalizer.normalize(text.strip().toLowerCase(Locale.ROOT))
        .replaceAll("[\\s\\p{Punct}]+", " ")
        .strip();
  }

  /**
   * The Arabic article, and the Latin transliterations of it, taken off a word that is longer than
   * it.
   */
  static String withoutArticle(String word) {
    for (String article : List.of("ال", "al ", "ar ", "al-", "ad ", "as ", "ash ")) {
      if (word.startsWith(article) && word.length() > article.length() + 1) {
        return word.substring(article.length());
      }
    }
    return word;
  }
}
