package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;
import sa.volunteering.analysis.WordLists;

/** {@code vol_text}: Arabic, English and mixed prose (titles, descriptions, names). */
@NamedComponent("vol_text")
public class TextAnalyzerFactory implements AnalyzerFactory {

  private final CharArraySet protectedWords;

  @Inject
  public TextAnalyzerFactory(ProtectedWordsSettings settings) {
    this.protectedWords = WordLists.protectedWords(settings.protectedWords());
  }

  @Override
  public Analyzer create() {
    return VolunteeringAnalyzers.textAnalyzer(protectedWords);
  }
}
