package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import sa.volunteering.analysis.ArabicNormalizationFilter;

/** {@code vol_arabic_normalization}: letters, marks, presentation forms, hamza seats. */
@NamedComponent("vol_arabic_normalization")
public class ArabicNormalizationTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new ArabicNormalizationFilter(tokenStream);
  }

  @Override
  public TokenStream normalize(TokenStream tokenStream) {
    return new ArabicNormalizationFilter(tokenStream, true);
  }
}
