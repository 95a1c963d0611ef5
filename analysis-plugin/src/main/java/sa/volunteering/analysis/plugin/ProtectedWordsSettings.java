package sa.volunteering.analysis.plugin;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code "protected_words": [...]}: words added to the shipped list that the stemmer never cuts.
 */
@AnalysisSettings
public interface ProtectedWordsSettings {

  @ListSetting(path = "protected_words")
  List<String> protectedWords();
}
