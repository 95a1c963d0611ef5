package sa.volunteering.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the platform, as plain Lucene analyzers. The Elasticsearch components of
 * this plugin only name them; tests use them directly.
 */
public final class VolunteeringAnalyzers {

  public static final int DEFAULT_MIN_GRAM = 1;
  public static final int DEFAULT_MAX_GRAM = 20;

  private VolunteeringAnalyzers() {}

  /** Lower-case, fold digits to ASCII, normalize Arabic: the part every chain shares. */
  public static TokenStream fold(TokenStream in) {
    return new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in)));
  }

  /**
   * {@link #fold} for one query term (prefix, fuzzy): never drops the term, even when it was only
   * marks.
   */
  public static TokenStream foldTerm(TokenStream in) {
    return new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in)), true);
  }

  /** Arabic, English or mixed prose: fold, stop words, Arabic light stem, English light stem. */
  public static TokenStream text(TokenStream in, CharArraySet protectedWords) {
    return text(in, protectedWords, WordLists.stopWords());
  }

  /** {@link #text} for queries: the words around the intent are stop words too. */
  public static TokenStream textSearch(TokenStream in, CharArraySet protectedWords) {
    return text(in, protectedWords, WordLists.searchStopWords());
  }

  private static TokenStream text(
      TokenStream in, CharArraySet protectedWords, CharArraySet stopWords) {
    TokenStream stream = new StopFilter(fold(in), stopWords);
    return new LatinStemFilter(new ArabicLightStemFilter(stream, protectedWords));
  }

  /**
   * English subfields: fold, English stop words, Porter (more recall than the main field's KStem).
   */
  public static TokenStream english(TokenStream in) {
    return new PorterStemFilter(new StopFilter(fold(in), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
  }

  /** {@link #english} for queries: the words around the intent of an Arabic query are dropped. */
  public static TokenStream englishSearch(TokenStream in) {
    return new PorterStemFilter(
        new StopFilter(
            new StopFilter(fold(in), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
            WordLists.searchStopWords()));
  }

  /** Autocomplete, index side: fold, drop the article, edge n-grams of each word. */
  public static TokenStream autocompleteIndex(TokenStream in, int minGram, int maxGram) {
    return new EdgeNGramTokenFilter(autocompleteSearch(in), minGram, maxGram, false);
  }

  /** Autocomplete, query side: fold and drop the article; the typed prefix is matched as it is. */
  public static TokenStream autocompleteSearch(TokenStream in) {
    return new ProcliticStripFilter(fold(in));
  }

  /** Keyword values (a whole city or skill name as one token): fold and collapse white space. */
  public static TokenStream keyword(TokenStream in) {
    return new WhitespaceCollapseFilter(fold(in));
  }

  public static Analyzer textAnalyzer(CharArraySet protectedWords) {
    return new Chain(Chain.Tokenization.WORDS, in -> text(in, protectedWords));
  }

  public static Analyzer textSearchAnalyzer(CharArraySet protectedWords) {
    return new Chain(Chain.Tokenization.WORDS, in -> textSearch(in, protectedWords));
  }

  public static Analyzer englishSearchAnalyzer() {
    return new Chain(Chain.Tokenization.WORDS, VolunteeringAnalyzers::englishSearch);
  }

  public static Analyzer englishAnalyzer() {
    return new Chain(Chain.Tokenization.WORDS, VolunteeringAnalyzers::english);
  }

  public static Analyzer autocompleteIndexAnalyzer(int minGram, int maxGram) {
    return new Chain(Chain.Tokenization.WORDS, in -> autocompleteIndex(in, minGram, maxGram));
  }

  public static Analyzer autocompleteSearchAnalyzer() {
    return new Chain(Chain.Tokenization.WORDS, VolunteeringAnalyzers::autocompleteSearch);
  }

  public static Analyzer keywordAnalyzer() {
    return new Chain(Chain.Tokenization.WHOLE_VALUE, VolunteeringAnalyzers::keyword);
  }

  /**
   * A tokenizer and a filter chain; {@code normalize} (prefix and fuzzy queries) folds without
   * stemming.
   */
  private static final class Chain extends Analyzer {

    enum Tokenization {
      WORDS,
      WHOLE_VALUE
    }

    private final Tokenization tokenization;
    private final java.util.function.UnaryOperator<TokenStream> filters;

    Chain(Tokenization tokenization, java.util.function.UnaryOperator<TokenStream> filters) {
      this.tokenization = tokenization;
      this.filters = filters;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer =
          tokenization == Tokenization.WORDS ? new StandardTokenizer() : new KeywordTokenizer();
      return new TokenStreamComponents(tokenizer, filters.apply(tokenizer));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return foldTerm(in);
    }
  }
}
