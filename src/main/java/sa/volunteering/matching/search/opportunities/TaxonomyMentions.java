package sa.volunteering.matching.search.opportunities;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import sa.volunteering.analysis.lexicon.LexiconKeys;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.Term;
import sa.volunteering.matching.taxonomy.Vocabulary;

/**
 * Finds the cities, fields and skills a free text names, in Arabic or English, however spelled or
 * attached: "Ar Riyadh", "الرياض", "بالرياض" and "riyadh" all name {@code riyadh} ({@link
 * WordVariants}). Longest names first, so "first aid" is a skill before "aid" is anything; a word
 * taken by one name is not reused by a shorter one.
 */
final class TaxonomyMentions {

  private static final int LONGEST_NAME_IN_WORDS = 4;

  private final Taxonomy taxonomy;

  TaxonomyMentions(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The terms named by a text's folded words ({@link LexiconKeys#words}). */
  OpportunityQuery.Mentions in(String[] words) {
    boolean[] taken = new boolean[words.length];
    Set<String> cities = new LinkedHashSet<>();
    Set<String> fields = new LinkedHashSet<>();
    Set<String> skills = new LinkedHashSet<>();
    for (int length = Math.min(LONGEST_NAME_IN_WORDS, words.length); length >= 1; length--) {
      for (int start = 0; start + length <= words.length; start++) {
        if (!WordVariants.free(taken, start, length)) {
          continue;
        }
        for (String phrase : WordVariants.of(words, start, length)) {
          boolean found =
              add(taxonomy.cities(), phrase, cities)
                  | add(taxonomy.skills(), phrase, skills)
                  | add(taxonomy.fields(), phrase, fields);
          if (found) {
            Arrays.fill(taken, start, start + length, true);
            break;
          }
        }
      }
    }
    return cities.isEmpty() && fields.isEmpty() && skills.isEmpty()
        ? OpportunityQuery.Mentions.NONE
        : new OpportunityQuery.Mentions(Set.copyOf(cities), Set.copyOf(fields), Set.copyOf(skills));
  }

  private static <T extends Term> boolean add(
      Vocabulary<T> vocabulary, String phrase, Set<String> codes) {
    Optional<T> term = vocabulary.resolve(phrase);
    term.ifPresent(found -> codes.add(found.code()));
    return term.isPresent();
  }
}
