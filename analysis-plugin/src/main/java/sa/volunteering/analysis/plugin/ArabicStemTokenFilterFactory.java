package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import sa.volunteering.analysis.ArabicLightStemFilter;
import sa.volunteering.analysis.WordLists;

/** {@code vol_arabic_stem}: light stemming that keeps short and protected words whole. */
@NamedComponent("vol_arabic_stem")
public class ArabicStemTokenFilterFactory implements TokenFilterFactory {

  private final CharArraySet protectedWords;

  @Inject
  public ArabicStemTokenFilterFactory(ProtectedWordsSettings settings) {
    this.protectedWords = WordLists.protectedWords(settings.protectedWords());
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new ArabicLightStemFilter(tokenStream, protectedWords);
  }
}
