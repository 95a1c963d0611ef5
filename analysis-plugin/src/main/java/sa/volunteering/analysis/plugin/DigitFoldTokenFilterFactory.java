package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code vol_digit_fold}: Arabic-Indic, Persian and every other decimal digit to ASCII. */
@NamedComponent("vol_digit_fold")
public class DigitFoldTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new DecimalDigitFilter(tokenStream);
  }

  @Override
  public TokenStream normalize(TokenStream tokenStream) {
    return create(tokenStream);
  }
}
