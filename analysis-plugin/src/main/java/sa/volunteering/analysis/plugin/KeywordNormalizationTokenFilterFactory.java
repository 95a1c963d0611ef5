package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;

/**
 * {@code vol_keyword_normalization}: the whole fold (lower case, digits, Arabic letters) plus white
 * space collapsing, for a value that is one token: a city or skill name, a normalizer's input.
 */
@NamedComponent("vol_keyword_normalization")
public class KeywordNormalizationTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return VolunteeringAnalyzers.keyword(tokenStream);
  }

  @Override
  public TokenStream normalize(TokenStream tokenStream) {
    return create(tokenStream);
  }
}
