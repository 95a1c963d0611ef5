package sa.volunteering.matching.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import sa.volunteering.analysis.cases.AnalysisCase;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestEnvironment;

/** The plugin's analysis cases again, this time through _analyze on the running node. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisIT {

  private static final String INDEX = TestEnvironment.PREFIX + "analysis-cases";

  /** The chains of analysis-cases.tsv, built from the plugin's components as an index would. */
  private static final String SETTINGS =
      """
      {"settings": {"index": {"number_of_replicas": 0, "analysis": {"analyzer": {
        "fold": {"type": "custom", "tokenizer": "standard", "filter": ["vol_keyword_normalization"]},
        "text": {"type": "vol_text", "protected_words": ["الخرطوم"]},
        "text_search": {"type": "vol_text_search", "protected_words": ["الخرطوم"]},
        "autocomplete": {"type": "vol_autocomplete", "min_gram": 1, "max_gram": 20},
        "autocomplete_search": {"type": "vol_autocomplete_search"},
        "keyword": {"type": "vol_keyword"},
        "english": {"type": "vol_english"},
        "english_search": {"type": "vol_english_search"}
      }}}}}
      """;

  @Autowired ElasticsearchClient client;

  @BeforeAll
  void createIndexWithTheChains() throws IOException {
    client.indices().create(c -> c.index(INDEX).withJson(new StringReader(SETTINGS)));
  }

  static List<AnalysisCase> cases() {
    return AnalysisCase.load();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void analyzesLikeLucene(AnalysisCase analysisCase) throws IOException {
    assertThat(analyze(analysisCase.chain(), analysisCase.input()))
        .as(analysisCase.name())
        .containsExactlyElementsOf(analysisCase.expected());
  }

  @Test
  void theProjectAnalyzerIsAvailableByNameWithoutIndexSettings() throws IOException {
    String text = "أحمد إبراهيم آمال مـتـطـوعة مستشفى ١٢٣ ۱۲۳ Volunteer volunteers";
    List<String> tokens =
        client.indices().analyze(a -> a.analyzer("vol_text").text(text)).tokens().stream()
            .map(AnalyzeToken::token)
            .toList();
    assertThat(tokens)
        .containsExactly(
            "احمد", "ابراهيم", "امال", "متطوع", "مستشف", "123", "123", "volunteer", "volunteer");
  }

  @Test
  void highlightOffsetsCoverTheWholeWordWithDiacritics() throws IOException {
    String word = "المُتَطَوِّعِينَ";
    AnalyzeToken token =
        client.indices().analyze(a -> a.index(INDEX).analyzer("text").text(word)).tokens().get(0);
    assertThat(token.startOffset()).isZero();
    assertThat(token.endOffset()).isEqualTo(word.length());
  }

  /**
   * Elasticsearch 9.5 accepts only its own "normalizing" filters in a custom normalizer, and the
   * stable plugin API cannot declare one. Keyword folding therefore goes through the vol_keyword
   * analyzer (docs/decisions/0003). If this starts failing, Elasticsearch lifted the limit: use a
   * normalizer.
   */
  @Test
  void customNormalizersStillRefuseStablePluginFilters() {
    String body =
        """
        {"settings": {"analysis": {"normalizer": {"folded": {"type": "custom", "filter": ["vol_keyword_normalization"]}}}},
         "mappings": {"properties": {"city": {"type": "keyword", "normalizer": "folded"}}}}
        """;
    assertThatThrownBy(
            () ->
                client
                    .indices()
                    .create(
                        c ->
                            c.index(TestEnvironment.PREFIX + "normalizer-probe")
                                .withJson(new StringReader(body))))
        .isInstanceOf(ElasticsearchException.class)
        .hasMessageContaining("may not use filter [vol_keyword_normalization]");
  }

  private List<String> analyze(String analyzer, String text) throws IOException {
    return client
        .indices()
        .analyze(a -> a.index(INDEX).analyzer(analyzer).text(text))
        .tokens()
        .stream()
        .map(AnalyzeToken::token)
        .toList();
  }
}
