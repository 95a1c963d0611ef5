package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;

/**
 * {@code vol_autocomplete}: index side of suggestions (edge n-grams of folded, article-less words).
 */
@NamedComponent("vol_autocomplete")
public class AutocompleteAnalyzerFactory implements AnalyzerFactory {

  private final int minGram;
  private final int maxGram;

  @Inject
  public AutocompleteAnalyzerFactory(EdgeNGramSettings settings) {
    if (settings.minGram() < 1 || settings.maxGram() < settings.minGram()) {
      throw new IllegalArgumentException(
          "vol_autocomplete needs 1 <= min_gram <= max_gram, got "
              + settings.minGram()
              + " and "
              + settings.maxGram());
    }
    this.minGram = settings.minGram();
    this.maxGram = settings.maxGram();
  }

  @Override
  public Analyzer create() {
    return VolunteeringAnalyzers.autocompleteIndexAnalyzer(minGram, maxGram);
  }
}
