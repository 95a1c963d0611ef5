package sa.volunteering.matching.search.opportunities;

import java.util.List;

/**
 * What a search did with its text beyond the words typed, for a front end to show ("did you mean",
 * "also searched for").
 *
 * @param corrections misspelt words and the indexed words searched for in their place
 * @param expansions concepts the text names and the forms searched for beside it
 */
public record Understood(List<Correction> corrections, List<Expanded> expansions) {

  static final Understood NOTHING = new Understood(List.of(), List.of());

  public Understood {
    corrections = List.copyOf(corrections);
    expansions = List.copyOf(expansions);
  }

  static Understood of(OpportunityQuery query) {
    if (query.corrections().isEmpty() && query.expansions().isEmpty()) {
      return NOTHING;
    }
    List<Correction> corrections = new java.util.ArrayList<>();
    query
        .expansions()
        .respelled()
        .forEach((word, instead) -> corrections.add(new Correction(word, List.of(instead))));
    query
        .corrections()
        .byWord()
        .forEach((word, instead) -> corrections.add(new Correction(word, List.copyOf(instead))));
    List<Expanded> expansions =
        query.expansions().each().stream()
            .map(
                expansion ->
                    new Expanded(expansion.typed(), expansion.conceptId(), expansion.added()))
            .toList();
    return new Understood(corrections, expansions);
  }

  /**
   * @param word the misspelt word, folded or analyzed
   * @param instead the words searched for in its place: the vocabulary's word, or indexed words
   *     (analyzed terms, nearest first)
   */
  public record Correction(String word, List<String> instead) {}

  /**
   * @param typed the words of the text that name the concept, folded
   * @param concept the lexicon's concept ({@code field/english name})
   * @param added the forms searched for beside them, the language typed first
   */
  public record Expanded(String typed, String concept, List<String> added) {}
}
