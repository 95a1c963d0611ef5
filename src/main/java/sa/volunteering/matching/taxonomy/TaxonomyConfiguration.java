package sa.volunteering.matching.taxonomy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The taxonomy shipped in {@code taxonomy/*.json}; a broken file stops the start. */
@Configuration(proxyBeanMethods = false)
class TaxonomyConfiguration {

  @Bean
  Taxonomy taxonomy(JsonMapper json) {
    return TaxonomyFiles.read(json);
  }
}
