package sa.volunteering.analysis.plugin;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import sa.volunteering.analysis.VolunteeringAnalyzers;

/** {@code "min_gram"} and {@code "max_gram"} of the autocomplete n-grams. */
@AnalysisSettings
public interface EdgeNGramSettings {

  @IntSetting(path = "min_gram", defaultValue = VolunteeringAnalyzers.DEFAULT_MIN_GRAM)
  int minGram();

  @IntSetting(path = "max_gram", defaultValue = VolunteeringAnalyzers.DEFAULT_MAX_GRAM)
  int maxGram();
}
