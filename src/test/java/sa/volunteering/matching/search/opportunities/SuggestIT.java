package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import sa.volunteering.matching.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Autocomplete in both languages, folded like search, across the taxonomy, organizations and
 * titles.
 */
class SuggestIT extends CorpusSearchTest {

  @Test
  void theStartOfACityNameSuggestsItInTheScriptTyped() {
    assertThat(suggestions("مك").get(0)).isEqualTo("city makkah مكة المكرمة");
    assertThat(suggestions("Mec")).contains("city makkah Makkah");
    assertThat(suggestions("المدي")).contains("city madinah المدينة المنورة");
    assertThat(suggestions("الرياض")).contains("city riyadh الرياض");
    assertThat(suggestions("جد")).contains("city jeddah جدة");
  }

  @Test
  void skillsAndFieldsInEitherLanguage() {
    assertThat(suggestions("اسعاف")).contains("skill first_aid الإسعافات الأولية");
    assertThat(suggestions("First")).contains("skill first_aid First aid");
    assertThat(suggestions("Envir")).contains("field environment Environment");
    assertThat(suggestions("البيئ")).contains("field environment بيئي");
  }

  @Test
  void aPrefixWithTheArticleSuggestsTitlesAboutTheWord() {
    List<JsonNode> titles = of("المتط", "opportunity");
    assertThat(titles).isNotEmpty();
    assertThat(titles)
        .allSatisfy(title -> assertThat(title.path("text").asString()).contains("متطوع"));
    assertThat(of("Volun", "opportunity"))
        .extracting(title -> title.path("text").asString())
        .contains("Volunteer coordination officer at the exhibition");
    assertThat(of("الاسعافات", "opportunity"))
        .extracting(title -> title.path("code").asString())
        .contains(corpus.id("first-aid"));
  }

  @Test
  void organizationsByTheStartOfTheirNames() {
    assertThat(of("جمعية ساع", "organization"))
        .extracting(node -> node.path("code").asString() + " " + node.path("text").asString())
        .contains(corpus.organization + " جمعية ساعد التطوعية");
    assertThat(of("Saed Volun", "organization"))
        .extracting(node -> node.path("text").asString())
        .contains("Saed Volunteering Society");
  }

  @Test
  void sizeIsRespectedAndLimitsAnswer400() {
    assertThat(suggest("a", 3).body().path("suggestions")).hasSizeLessThanOrEqualTo(3);
    for (Object[] bad :
        List.of(
            new Object[] {null, null, "prefix"},
            new Object[] {"   ", null, "prefix"},
            new Object[] {"ت".repeat(51), null, "prefix"},
            new Object[] {"مك", 0, "size"},
            new Object[] {"مك", 26, "size"})) {
      Api.Response response = suggest((String) bad[0], (Integer) bad[1]);
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo(bad[2]);
    }
    assertThat(suggest("ت".repeat(50), null).status()).isEqualTo(200);
  }

  private List<String> suggestions(String prefix) {
    List<String> all = new ArrayList<>();
    of(prefix, null)
        .forEach(
            node ->
                all.add(
                    node.path("type").asString()
                        + " "
                        + node.path("code").asString()
                        + " "
                        + node.path("text").asString()));
    return all;
  }

  private List<JsonNode> of(String prefix, @org.jspecify.annotations.Nullable String type) {
    Api.Response response = suggest(prefix, 25);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<JsonNode> nodes = new ArrayList<>();
    response
        .body()
        .path("suggestions")
        .forEach(
            node -> {
              if (type == null || node.path("type").asString().equals(type)) {
                nodes.add(node);
              }
            });
    return nodes;
  }

  private Api.Response suggest(
      @org.jspecify.annotations.Nullable String prefix,
      @org.jspecify.annotations.Nullable Integer size) {
    return api.getEncoded(
        Api.query("/api/opportunities/suggest", "prefix", prefix, "size", size), new HttpHeaders());
  }
}
