package sa.volunteering.analysis;

import com.carrotsearch.randomizedtesting.annotations.Name;
import com.carrotsearch.randomizedtesting.annotations.ParametersFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import sa.volunteering.analysis.cases.AnalysisCase;

/** Every row of analysis-cases.tsv, token by token, with plain Lucene: one test per case. */
public class AnalysisCasesTest extends BaseTokenStreamTestCase {

  private static final Map<String, Analyzer> CHAINS = Map.of(
      "fold", foldingAnalyzer(),
      "text", VolunteeringAnalyzers.textAnalyzer(WordLists.protectedWords(List.of("الخرطوم"))),
      "autocomplete", VolunteeringAnalyzers.autocompleteIndexAnalyzer(1, 20),
      "autocomplete_search", VolunteeringAnalyzers.autocompleteSearchAnalyzer(),
      "keyword", VolunteeringAnalyzers.keywordAnalyzer(),
      "english", VolunteeringAnalyzers.englishAnalyzer());

  private final AnalysisCase analysisCase;

  public AnalysisCasesTest(@Name("case") AnalysisCase analysisCase) {
    this.analysisCase = analysisCase;
  }

  @ParametersFactory(argumentFormatting = "%s")
  public static Iterable<Object[]> cases() {
    List<AnalysisCase> cases = AnalysisCase.load();
    assertTrue("the issue asks for at least 40 cases", cases.size() >= 40);
    return cases.stream().map(c -> new Object[] {c}).toList();
  }

  public void testCase() throws IOException {
    Analyzer analyzer = CHAINS.get(analysisCase.chain());
    assertNotNull("unknown chain " + analysisCase.chain(), analyzer);
    assertAnalyzesTo(analyzer, analysisCase.input(), analysisCase.expected().toArray(String[]::new));
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
