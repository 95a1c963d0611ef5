package sa.volunteering.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** Autocomplete, keyword and English chains. */
public class CompanionAnalyzersTest extends BaseTokenStreamTestCase {

  private final Analyzer autocompleteIndex = VolunteeringAnalyzers.autocompleteIndexAnalyzer(1, 20);
  private final Analyzer autocompleteSearch = VolunteeringAnalyzers.autocompleteSearchAnalyzer();
  private final Analyzer keyword = VolunteeringAnalyzers.keywordAnalyzer();
  private final Analyzer english = VolunteeringAnalyzers.englishAnalyzer();

  @Override
  public void tearDown() throws Exception {
    autocompleteIndex.close();
    autocompleteSearch.close();
    keyword.close();
    english.close();
    super.tearDown();
  }

  public void testTypedPrefixWithArticleLosesTheArticle() throws IOException {
    assertAnalyzesTo(autocompleteSearch, "المتط", new String[] {"متط"});
  }

  public void testIndexedWordYieldsEdgeGramsWithoutItsArticleAndWholeWordOffsets() throws IOException {
    assertAnalyzesTo(autocompleteIndex, "المتطوعين",
        new String[] {"م", "مت", "متط", "متطو", "متطوع", "متطوعي", "متطوعين"},
        new int[] {0, 0, 0, 0, 0, 0, 0}, new int[] {9, 9, 9, 9, 9, 9, 9});
  }

  public void testTwoLetterPrefixReachesBothWordsOfMakkah() throws IOException {
    assertAnalyzesTo(autocompleteSearch, "مك", new String[] {"مك"});
    assertAnalyzesTo(autocompleteIndex, "مكة المكرمة",
        new String[] {"م", "مك", "مكه", "م", "مك", "مكر", "مكرم", "مكرمه"});
  }

  public void testAutocompleteFoldsDiacriticsAndDigits() throws IOException {
    assertAnalyzesTo(autocompleteSearch, "مُتَطَ ٢٠٢٦", new String[] {"متط", "2026"});
  }

  public void testBareArticleIsKeptAsTyped() throws IOException {
    assertAnalyzesTo(autocompleteSearch, "ال", new String[] {"ال"});
  }

  public void testKeywordSpellingsOfOneCityAreOneValue() throws IOException {
    assertAnalyzesTo(keyword, "المدينة المنورة", new String[] {"المدينه المنوره"});
    assertAnalyzesTo(keyword, "المدينه  المنوره", new String[] {"المدينه المنوره"});
    assertAnalyzesTo(keyword, " المَدِينَة المنوّرة ", new String[] {"المدينه المنوره"});
  }

  public void testKeywordLatinIsLowerCasedAndTrimmed() throws IOException {
    assertAnalyzesTo(keyword, "  Al Madinah   Al Munawwarah ", new String[] {"al madinah al munawwarah"});
  }

  public void testEnglishSubfieldStemsHarder() throws IOException {
    assertAnalyzesTo(english, "Volunteering for the Organizations", new String[] {"volunt", "organ"});
  }

  public void testRandomStrings() throws IOException {
    checkRandomData(random(), autocompleteIndex, 100 * RANDOM_MULTIPLIER);
    checkRandomData(random(), autocompleteSearch, 100 * RANDOM_MULTIPLIER);
    checkRandomData(random(), keyword, 100 * RANDOM_MULTIPLIER);
    checkRandomData(random(), english, 100 * RANDOM_MULTIPLIER);
  }
}
