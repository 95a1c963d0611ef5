package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sa.volunteering.analysis.lexicon.Concept;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.analysis.lexicon.LexiconKeys;

/**
 * Finds the lexicon's concepts a query names, however the words are attached or inflected ({@link
 * WordVariants}), longest forms first; a word taken by one concept is not reused by a shorter one.
 */
final class ConceptMentions {

  private final Lexicon lexicon;
  private final int maxConcepts;
  private final int maxFormsPerConcept;

  ConceptMentions(Lexicon lexicon, int maxConcepts, int maxFormsPerConcept) {
    this.lexicon = lexicon;
    this.maxConcepts = maxConcepts;
    this.maxFormsPerConcept = maxFormsPerConcept;
  }

  /** The concepts named by a text's folded words ({@link LexiconKeys#words}). */
  Expansions in(String[] words) {
    boolean[] taken = new boolean[words.length];
    List<Expansion> found = new ArrayList<>();
    Set<String> concepts = new HashSet<>();
    int longest = Math.min(lexicon.longestFormInWords(), words.length);
    for (int length = longest; length >= 1 && found.size() < maxConcepts; length--) {
      for (int start = 0; start + length <= words.length && found.size() < maxConcepts; start++) {
        if (!WordVariants.free(taken, start, length)) {
          continue;
        }
        Optional<Concept> concept = lookUp(words, start, length);
        if (concept.isPresent()) {
          Arrays.fill(taken, start, start + length, true);
          if (concepts.add(concept.get().id())) {
            String typed = String.join(" ", Arrays.copyOfRange(words, start, start + length));
            found.add(Expansion.of(typed, concept.get(), maxFormsPerConcept));
          }
        }
      }
    }
    return found.isEmpty() ? Expansions.NONE : new Expansions(found);
  }

  private Optional<Concept> lookUp(String[] words, int start, int length) {
    for (String variant : WordVariants.of(words, start, length)) {
      Optional<Concept> concept = lexicon.byKey(variant);
      if (concept.isPresent()) {
        return concept;
      }
    }
    return Optional.empty();
  }
}
