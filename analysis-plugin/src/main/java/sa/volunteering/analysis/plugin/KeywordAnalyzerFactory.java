package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;

/**
 * {@code vol_keyword}: a whole value as one folded token, for matching names typed in any spelling.
 */
@NamedComponent("vol_keyword")
public class KeywordAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return VolunteeringAnalyzers.keywordAnalyzer();
  }
}
