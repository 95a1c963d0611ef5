package sa.volunteering.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Light English stemming (KStem: {@code volunteers} → {@code volunteer}) for tokens written in
 * Latin letters only, so that mixed Arabic and English text in one field works. Expects lower-cased
 * input.
 */
public final class LatinStemFilter extends ConditionalTokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public LatinStemFilter(TokenStream input) {
    super(input, KStemFilter::new);
  }

  @Override
  protected boolean shouldFilter() throws IOException {
    char[] buffer = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (buffer[i] < 'a' || buffer[i] > 'z') {
        return false;
      }
    }
    return term.length() > 0;
  }
}
