package sa.volunteering.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Applies {@link ArabicLightStemmer} to tokens not marked as keywords. Expects normalized input.
 */
public final class ArabicLightStemFilter extends TokenFilter {

  private final ArabicLightStemmer stemmer;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  public ArabicLightStemFilter(TokenStream input, CharArraySet protectedWords) {
    super(input);
    this.stemmer = new ArabicLightStemmer(protectedWords);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      term.setLength(stemmer.stem(term.buffer(), term.length()));
    }
    return true;
  }
}
