package sa.volunteering.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** One case per rule of the main text analyzer ({@code vol_text}), token by token. */
public class ArabicAnalysisTest extends BaseTokenStreamTestCase {

  private Analyzer text;
  private Analyzer folding;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    text = VolunteeringAnalyzers.textAnalyzer(WordLists.protectedWords(List.of("الخرطوم")));
    folding = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, VolunteeringAnalyzers.fold(tokenizer));
      }
    };
  }

  @Override
  public void tearDown() throws Exception {
    text.close();
    folding.close();
    super.tearDown();
  }

  // Normalization

  public void testAlefWithHamzaAboveAndBelowAndMaddaFoldToBareAlef() throws IOException {
    assertAnalyzesTo(folding, "أحمد إسلام آمال", new String[] {"احمد", "اسلام", "امال"});
  }

  public void testAlefWaslaFoldsToAlef() throws IOException {
    assertAnalyzesTo(folding, "ٱلرحمن", new String[] {"الرحمن"});
  }

  public void testAlefMaksuraFoldsToYeh() throws IOException {
    assertAnalyzesTo(folding, "مستشفى", new String[] {"مستشفي"});
  }

  public void testTehMarbutaFoldsToHeh() throws IOException {
    assertAnalyzesTo(folding, "مدرسة", new String[] {"مدرسه"});
  }

  public void testTatweelIsRemoved() throws IOException {
    assertAnalyzesTo(folding, "متـــطوع", new String[] {"متطوع"});
  }

  public void testHarakatShaddaAndSukunAreRemoved() throws IOException {
    assertAnalyzesTo(folding, "مُتَطَوِّعٌ مَسْؤُولٍ", new String[] {"متطوع", "مسءول"});
  }

  public void testDaggerAlefIsRemoved() throws IOException {
    assertAnalyzesTo(folding, "هٰذا", new String[] {"هذا"});
  }

  public void testQuranicMarksAreRemoved() throws IOException {
    assertAnalyzesTo(folding, "الرحيمۖ", new String[] {"الرحيم"});
  }

  public void testPresentationFormsFoldThroughNfkc() throws IOException {
    assertAnalyzesTo(folding, "ﺍﻟﺮﻳﺎﺽ ﻻ", new String[] {"الرياض", "لا"});
  }

  public void testPersianKafAndYehFoldToArabic() throws IOException {
    assertAnalyzesTo(folding, "کتاب کرسی", new String[] {"كتاب", "كرسي"});
  }

  public void testPersianHehWithYehAboveFoldsToHeh() throws IOException {
    assertAnalyzesTo(folding, "خانۀ", new String[] {"خانه"});
  }

  public void testZeroWidthNonJoinerInsideAWordIsRemoved() throws IOException {
    assertAnalyzesTo(folding, "متطو‌عين", new String[] {"متطوعين"});
  }

  public void testBidiMarksAroundAWordAreRemoved() throws IOException {
    assertAnalyzesTo(folding, "‏الرياض‏ ‎جدة‎", new String[] {"الرياض", "جده"});
  }

  public void testArabicLetterMarkIsRemoved() throws IOException {
    assertAnalyzesTo(folding, "؜الرياض", new String[] {"الرياض"});
  }

  public void testHamzaSeatsAreUnified() throws IOException {
    assertAnalyzesTo(folding, "مسؤول مسئول", new String[] {"مسءول", "مسءول"});
  }

  public void testDecomposedHamzaComposesBeforeFolding() throws IOException {
    assertAnalyzesTo(folding, "ا\u0654حمد و\u0654", new String[] {"احمد", "ء"});
  }

  public void testArabicIndicDigitsFoldToAscii() throws IOException {
    assertAnalyzesTo(folding, "١٢٣", new String[] {"123"});
  }

  public void testPersianDigitsFoldToAscii() throws IOException {
    assertAnalyzesTo(folding, "۱۲۳", new String[] {"123"});
  }

  public void testLatinIsLowerCased() throws IOException {
    assertAnalyzesTo(folding, "Riyadh JEDDAH", new String[] {"riyadh", "jeddah"});
  }

  // Stop words: normalized, applied after normalization

  public void testStopWordIsRemoved() throws IOException {
    assertAnalyzesTo(text, "فرصة في الرياض", new String[] {"فرص", "رياض"});
  }

  public void testStopWordWrittenWithAlefMaksuraIsRemoved() throws IOException {
    assertAnalyzesTo(text, "فرصة فى جدة", new String[] {"فرص", "جده"});
  }

  public void testStopWordWithHamzaOrWithoutIsRemoved() throws IOException {
    assertAnalyzesTo(text, "إلى الى على", new String[] {});
  }

  public void testStopWordWithDiacriticsIsRemoved() throws IOException {
    assertAnalyzesTo(text, "فِي مِنْ", new String[] {});
  }

  public void testEnglishStopWordIsRemoved() throws IOException {
    assertAnalyzesTo(text, "the volunteers of Riyadh", new String[] {"volunteer", "riyadh"});
  }

  // Proclitics

  public void testArticleIsStripped() throws IOException {
    assertAnalyzesTo(text, "المتطوعين", new String[] {"متطوع"});
  }

  public void testWawWithArticleIsStripped() throws IOException {
    assertAnalyzesTo(text, "والمتطوعين", new String[] {"متطوع"});
  }

  public void testLamLamIsStripped() throws IOException {
    assertAnalyzesTo(text, "للمتطوعين", new String[] {"متطوع"});
  }

  public void testWawBehArticleIsStripped() throws IOException {
    assertAnalyzesTo(text, "وبالمتطوعين", new String[] {"متطوع"});
  }

  public void testFehBehArticleIsStripped() throws IOException {
    assertAnalyzesTo(text, "فبالمدرسة", new String[] {"مدرس"});
  }

  public void testKafArticleIsStripped() throws IOException {
    assertAnalyzesTo(text, "كالمعلم", new String[] {"معلم"});
  }

  public void testWawLamLamIsStripped() throws IOException {
    assertAnalyzesTo(text, "وللمتطوعين", new String[] {"متطوع"});
  }

  public void testLoneWawIsStrippedBeforeALongWord() throws IOException {
    assertAnalyzesTo(text, "ومتطوعون", new String[] {"متطوع"});
  }

  // Suffixes

  public void testPluralSuffixesAreStripped() throws IOException {
    assertAnalyzesTo(text, "متطوعون متطوعات متطوعين", new String[] {"متطوع", "متطوع", "متطوع"});
  }

  public void testAllDiacriticVariantsFoldToOneToken() throws IOException {
    assertAnalyzesTo(text, "المُتَطَوِّعِينَ والمتطوعين للمتطوعين متطوعون",
        new String[] {"متطوع", "متطوع", "متطوع", "متطوع"});
  }

  public void testPossessiveAndPluralSuffixesAreStrippedInOrder() throws IOException {
    assertAnalyzesTo(text, "خدماتها", new String[] {"خدم"});
  }

  public void testNisbaSuffixIsStripped() throws IOException {
    assertAnalyzesTo(text, "تطوعية تطوعي", new String[] {"تطوع", "تطوع"});
  }

  // Words that must stay whole

  public void testShortCityNamesAreNotStemmed() throws IOException {
    assertAnalyzesTo(text, "مكة جدة", new String[] {"مكه", "جده"});
  }

  public void testAllahIsNotStemmed() throws IOException {
    assertAnalyzesTo(text, "الله", new String[] {"الله"});
  }

  public void testProtectedNameKeepsItsFormAfterAOneLetterProclitic() throws IOException {
    assertAnalyzesTo(text, "بمكة وجدة", new String[] {"مكه", "جده"});
  }

  public void testProtectedCityStemsTheSameWithAnyProclitic() throws IOException {
    assertAnalyzesTo(text, "الرياض بالرياض رياض", new String[] {"رياض", "رياض", "رياض"});
  }

  public void testWordsWhoseRootStartsWithWawKeepIt() throws IOException {
    assertAnalyzesTo(text, "وطني الوطنية وزارة وزارات", new String[] {"وطن", "وطن", "وزار", "وزار"});
  }

  public void testThreeLetterWordsAreNotStemmed() throws IOException {
    assertAnalyzesTo(text, "علم بيت", new String[] {"علم", "بيت"});
  }

  public void testProtectedWordsFromSettingsAreKept() throws IOException {
    assertAnalyzesTo(text, "بالخرطوم", new String[] {"خرطوم"});
  }

  // Mixed Arabic and English, digits

  public void testLatinTokensAreLightlyStemmedNextToArabic() throws IOException {
    assertAnalyzesTo(text, "Volunteer volunteers متطوعين", new String[] {"volunteer", "volunteer", "متطوع"});
  }

  public void testDigitsInMixedText() throws IOException {
    assertAnalyzesTo(text, "١٠ ساعات 10 hours", new String[] {"10", "ساع", "10", "hour"});
  }

  public void testMixedTokenOfLatinAndDigitsIsKept() throws IOException {
    assertAnalyzesTo(text, "COVID19 كوفيد١٩", new String[] {"covid19", "كوفيد19"});
  }

  // Offsets: highlights cover the whole surface word

  public void testOffsetsCoverTheWholeWordWithItsDiacritics() throws IOException {
    String word = "المُتَطَوِّعِينَ";
    assertAnalyzesTo(text, word + " فى مكة", new String[] {"متطوع", "مكه"},
        new int[] {0, word.length() + 4}, new int[] {word.length(), word.length() + 7});
  }

  // Robustness

  public void testRandomStrings() throws IOException {
    checkRandomData(random(), text, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomUnicodeStringsWithLongWords() throws IOException {
    checkRandomData(random(), text, 100 * RANDOM_MULTIPLIER, 40, false);
  }
}
