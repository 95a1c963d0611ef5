package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;

/**
 * {@code vol_autocomplete_search}: query side of suggestions (the typed prefix, folded, no
 * n-grams).
 */
@NamedComponent("vol_autocomplete_search")
public class AutocompleteSearchAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return VolunteeringAnalyzers.autocompleteSearchAnalyzer();
  }
}
