package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;
import sa.volunteering.analysis.WordLists;

/** {@code vol_text_search}: {@code vol_text} for queries, the words around the intent dropped. */
@NamedComponent("vol_text_search")
public class TextSearchAnalyzerFactory implements AnalyzerFactory {

  private final CharArraySet protectedWords;

  @Inject
  public TextSearchAnalyzerFactory(ProtectedWordsSettings settings) {
    this.protectedWords = WordLists.protectedWords(settings.protectedWords());
  }

  @Override
  public Analyzer create() {
    return VolunteeringAnalyzers.textSearchAnalyzer(protectedWords);
  }
}
