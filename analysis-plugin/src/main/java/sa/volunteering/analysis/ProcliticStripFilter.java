package sa.volunteering.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * For autocomplete: drops the article and the proclitics fused with it ({@code ال}, {@code وال},
 * {@code بال}, {@code لل}, …) from normalized tokens, so that a prefix typed with an article
 * ({@code المتط}) meets words indexed without it, and the other way round. No other stemming: a
 * prefix is an unfinished word.
 */
public final class ProcliticStripFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public ProcliticStripFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int len = term.length();
    for (char[] prefix : Affixes.PROCLITICS) {
      if (len > prefix.length && Affixes.startsWith(buffer, len, prefix)) {
        System.arraycopy(buffer, prefix.length, buffer, 0, len - prefix.length);
        term.setLength(len - prefix.length);
        break;
      }
    }
    return true;
  }
}
