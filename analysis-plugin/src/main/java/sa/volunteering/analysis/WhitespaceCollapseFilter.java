package sa.volunteering.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** For keyword values: trims the token and folds every run of white space into one space. */
public final class WhitespaceCollapseFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public WhitespaceCollapseFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int out = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < term.length(); i++) {
      char c = buffer[i];
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out > 0;
        continue;
      }
      if (pendingSpace) {
        buffer[out++] = ' ';
        pendingSpace = false;
      }
      buffer[out++] = c;
    }
    term.setLength(out);
    return true;
  }
}
