package sa.volunteering.analysis.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import sa.volunteering.analysis.VolunteeringAnalyzers;

/** {@code vol_english}: English subfields, with Porter stemming. */
@NamedComponent("vol_english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

  @Override
  public Analyzer create() {
    return VolunteeringAnalyzers.englishAnalyzer();
  }
}
