package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import sa.volunteering.analysis.ProcliticStripFilter;

/** {@code vol_proclitic_strip}: drops the article and fused proclitics, for autocomplete. */
@NamedComponent("vol_proclitic_strip")
public class ProcliticStripTokenFilterFactory implements TokenFilterFactory {

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new ProcliticStripFilter(tokenStream);
  }

  @Override
  public TokenStream normalize(TokenStream tokenStream) {
    return create(tokenStream);
  }
}
