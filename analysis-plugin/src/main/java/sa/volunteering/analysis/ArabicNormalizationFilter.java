package sa.volunteering.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Applies {@link ArabicNormalizer} to each token. Offsets are left alone, so a highlight covers the
 * whole surface word with its diacritics and marks. A token that was only marks disappears, except
 * when normalizing a query term, which must stay exactly one token.
 */
public final class ArabicNormalizationFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  private final boolean keepEmptyTokens;

  public ArabicNormalizationFilter(TokenStream input) {
    this(input, false);
  }

  public ArabicNormalizationFilter(TokenStream input, boolean keepEmptyTokens) {
    super(input);
    this.keepEmptyTokens = keepEmptyTokens;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      if (ArabicNormalizer.needsCompatibilityFold(term.buffer(), term.length())) {
        String folded = ArabicNormalizer.compatibilityFold(term.buffer(), term.length());
        term.setEmpty().append(folded);
      }
      term.setLength(ArabicNormalizer.normalize(term.buffer(), term.length()));
      if (term.length() > 0 || keepEmptyTokens) {
        return true;
      }
    }
    return false;
  }
}
