package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import sa.volunteering.analysis.LatinStemFilter;

/** {@code vol_latin_stem}: KStem for tokens in Latin letters only; Arabic tokens pass untouched. */
@NamedComponent("vol_latin_stem")
public class LatinStemTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new LatinStemFilter(tokenStream);
  }
}
