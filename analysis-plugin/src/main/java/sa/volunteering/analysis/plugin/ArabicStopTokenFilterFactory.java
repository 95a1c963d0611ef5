package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import sa.volunteering.analysis.WordLists;

/**
 * {@code vol_arabic_stop}: normalized Arabic and English stop words; place it after normalization.
 */
@NamedComponent("vol_arabic_stop")
public class ArabicStopTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new StopFilter(tokenStream, WordLists.stopWords());
  }
}
