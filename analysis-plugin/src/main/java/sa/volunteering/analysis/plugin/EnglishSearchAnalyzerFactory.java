package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;

/**
 * {@code vol_english_search}: {@code vol_english} for queries, the words around the intent dropped.
 */
@NamedComponent("vol_english_search")
public class EnglishSearchAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return VolunteeringAnalyzers.englishSearchAnalyzer();
  }
}
