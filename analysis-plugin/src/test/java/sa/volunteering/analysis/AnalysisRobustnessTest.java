package sa.volunteering.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/**
 * Offsets that highlights rely on, and random input through every chain (Lucene's consistency
 * checks).
 */
public class AnalysisRobustnessTest extends BaseTokenStreamTestCase {

  public void testOffsetsCoverTheWholeSurfaceWordWithItsDiacritics() throws IOException {
    try (Analyzer text = VolunteeringAnalyzers.textAnalyzer(WordLists.protectedWords(List.of()))) {
      String word = "المُتَطَوِّعِينَ";
      assertAnalyzesTo(
          text,
          word + " فى مكة",
          new String[] {"متطوع", "مكه"},
          new int[] {0, word.length() + 4},
          new int[] {word.length(), word.length() + 7});
    }
  }

  public void testEdgeGramsKeepTheOffsetsOfTheWholeWord() throws IOException {
    try (Analyzer autocomplete = VolunteeringAnalyzers.autocompleteIndexAnalyzer(2, 4)) {
      assertAnalyzesTo(
          autocomplete,
          "المتطوعين",
          new String[] {"مت", "متط", "متطو"},
          new int[] {0, 0, 0},
          new int[] {9, 9, 9});
    }
  }

  public void testRandomStringsThroughTheTextChain() throws IOException {
    try (Analyzer text = VolunteeringAnalyzers.textAnalyzer(WordLists.protectedWords(List.of()))) {
      checkRandomData(random(), text, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), text, 100 * RANDOM_MULTIPLIER, 40, false);
    }
  }

  public void testRandomStringsThroughTheCompanionChains() throws IOException {
    for (Analyzer analyzer :
        List.of(
            VolunteeringAnalyzers.autocompleteIndexAnalyzer(1, 20),
            VolunteeringAnalyzers.autocompleteSearchAnalyzer(),
            VolunteeringAnalyzers.keywordAnalyzer(),
            VolunteeringAnalyzers.englishAnalyzer())) {
      try (analyzer) {
        checkRandomData(random(), analyzer, 100 * RANDOM_MULTIPLIER);
      }
    }
  }
}
