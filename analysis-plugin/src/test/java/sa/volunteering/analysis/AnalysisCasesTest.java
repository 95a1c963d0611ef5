package sa.volunteering.analysis;

import com.carrotsearch.randomizedtesting.annotations.Name;
import com.carrotsearch.randomizedtesting.annotations.ParametersFactory;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import sa.volunteering.analysis.cases.AnalysisCase;

/** Every row of analysis-cases.tsv, token by token, with plain Lucene: one test per case. */
public class AnalysisCasesTest extends BaseTokenStreamTestCase {

  private final AnalysisCase analysisCase;
  private Analyzer analyzer;

  public AnalysisCasesTest(@Name("case") AnalysisCase analysisCase) {
    this.analysisCase = analysisCase;
  }

  @ParametersFactory(argumentFormatting = "%s")
  public static Iterable<Object[]> cases() {
    List<AnalysisCase> cases = AnalysisCase.load();
    assertTrue("the issue asks for at least 40 cases", cases.size() >= 40);
    return cases.stream().map(c -> new Object[] {c}).toList();
  }

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer =
        switch (analysisCase.chain()) {
          case "fold" -> foldingAnalyzer();
          case "text" ->
              VolunteeringAnalyzers.textAnalyzer(WordLists.protectedWords(List.of("الخرطوم")));
          case "text_search" ->
              VolunteeringAnalyzers.textSearchAnalyzer(
                  WordLists.protectedWords(List.of("الخرطوم")));
          case "autocomplete" -> VolunteeringAnalyzers.autocompleteIndexAnalyzer(1, 20);
          case "autocomplete_search" -> VolunteeringAnalyzers.autocompleteSearchAnalyzer();
          case "keyword" -> VolunteeringAnalyzers.keywordAnalyzer();
          case "english" -> VolunteeringAnalyzers.englishAnalyzer();
          case "english_search" -> VolunteeringAnalyzers.englishSearchAnalyzer();
          default -> throw new IllegalArgumentException("unknown chain " + analysisCase.chain());
        };
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testCase() throws IOException {
    assertAnalyzesTo(
        analyzer, analysisCase.input(), analysisCase.expected().toArray(String[]::new));
  }

  /** Lower case, digits, Arabic normalization: what every chain starts with. */
  static Analyzer foldingAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, VolunteeringAnalyzers.fold(tokenizer));
      }
    };
  }
}
