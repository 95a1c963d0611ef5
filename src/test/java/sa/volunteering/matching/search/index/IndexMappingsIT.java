package sa.volunteering.matching.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index definitions on the real node: created behind versioned names and aliases, searchable in
 * Arabic.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexMappingsIT {

  private static final String OPPORTUNITIES = TestEnvironment.PREFIX + "opportunities";
  private static final String VOLUNTEERS = TestEnvironment.PREFIX + "volunteers";

  @Autowired ElasticsearchClient client;

  @Autowired IndexDefinitions definitions;

  @Autowired JsonMapper json;

  @BeforeAll
  void indexAHandfulOfArabicOpportunities() throws IOException {
    index(
        "1",
        Map.of(
            "title",
            "فرصة تطوعية للمتطوعين في تنظيم المعرض",
            "city_name",
            "المدينة المنوّرة",
            "status",
            "published"));
    index(
        "2",
        Map.of(
            "title",
            "Volunteer guide for pilgrims",
            "city_name",
            "مكة المكرمة",
            "status",
            "published"));
    index(
        "3",
        Map.of("title", "مسؤول تنسيق الفعاليات", "city_name", "الرياض", "status", "published"));
    index("4", Map.of("title", "تصميم جرافيك للجمعية", "city_name", "جدة", "status", "published"));
    client.indices().refresh(r -> r.index(OPPORTUNITIES));
  }

  @Test
  void bothIndexesSitBehindAnAliasOnAVersionedIndex() throws IOException {
    for (IndexDefinition definition : definitions.all()) {
      String alias = TestEnvironment.PREFIX + definition.name();
      var behind = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
      assertThat(behind).containsExactly(definition.indexName(alias));
      assertThat(definition.indexName(alias)).matches(alias + "-v\\d+-[0-9a-f]{12}");
    }
  }

  @Test
  void aStemmedVariantFindsTheTitle() throws IOException {
    assertThat(ids(Query.of(q -> q.match(m -> m.field("title").query("متطوعون")))))
        .containsExactly("1");
  }

  @Test
  void aColloquialSpellingOfTheCityFindsTheWholeName() throws IOException {
    assertThat(ids(Query.of(q -> q.match(m -> m.field("city_name").query("المدينه المنوره")))))
        .containsExactly("1");
    assertThat(ids(Query.of(q -> q.match(m -> m.field("city_name").query("المدينه"))))).isEmpty();
    assertThat(ids(Query.of(q -> q.match(m -> m.field("city_name.words").query("المدينه")))))
        .containsExactly("1");
  }

  @Test
  void hamzaSeatVariantsFindEachOther() throws IOException {
    assertThat(ids(Query.of(q -> q.match(m -> m.field("title").query("مسئول")))))
        .containsExactly("3");
  }

  @Test
  void englishPluralFindsTheSingular() throws IOException {
    assertThat(ids(Query.of(q -> q.match(m -> m.field("title").query("volunteers")))))
        .containsExactly("2");
    assertThat(ids(Query.of(q -> q.match(m -> m.field("title.en").query("volunteering")))))
        .containsExactly("2");
  }

  @Test
  void aPrefixWithTheArticleSuggestsTheWord() throws IOException {
    assertThat(ids(Query.of(q -> q.match(m -> m.field("title.prefix").query("المتط")))))
        .containsExactly("1");
    assertThat(ids(Query.of(q -> q.match(m -> m.field("title.prefix").query("Volun")))))
        .containsExactly("2");
    assertThat(ids(Query.of(q -> q.match(m -> m.field("title.prefix").query("مسئو")))))
        .containsExactly("3");
  }

  @Test
  void opportunitiesRejectFieldsTheMappingDoesNotDeclare() {
    assertThatThrownBy(
            () ->
                client.index(
                    i ->
                        i.index(OPPORTUNITIES)
                            .id("x")
                            .document(Map.of("title", "x", "phone", "0500000000"))))
        .isInstanceOf(ElasticsearchException.class)
        .hasMessageContaining("strict_dynamic_mapping_exception");
  }

  @Test
  void volunteersHoldNoPersonalDataAndRejectIt() throws IOException {
    var properties =
        client
            .indices()
            .getMapping(m -> m.index(VOLUNTEERS))
            .mappings()
            .values()
            .iterator()
            .next()
            .mappings()
            .properties()
            .keySet();
    assertThat(properties)
        .contains("skill_codes", "city_code", "location")
        .doesNotContain("name", "phone", "email", "national_id", "birth_date");
    assertThatThrownBy(
            () ->
                client.index(
                    i -> i.index(VOLUNTEERS).id("v").document(Map.of("national_id", "1012345678"))))
        .isInstanceOf(ElasticsearchException.class)
        .hasMessageContaining("strict_dynamic_mapping_exception");
  }

  @Test
  void startingAgainOnMatchingIndexesChangesNothing() throws IOException {
    bootstrap(TestEnvironment.PREFIX).afterSingletonsInstantiated();
    assertThat(client.indices().getAlias(a -> a.name(OPPORTUNITIES)).aliases()).hasSize(1);
  }

  @Test
  void anIndexBuiltFromAnotherDefinitionStopsTheStart() throws IOException {
    String prefix = TestEnvironment.PREFIX + "drift-";
    client
        .indices()
        .create(
            c ->
                c.index(prefix + "opportunities-v1-000000000000")
                    .withJson(
                        new StringReader(
                            "{\"settings\": {\"number_of_replicas\": 0}, \"aliases\": {\""
                                + prefix
                                + "opportunities\": {}},"
                                + " \"mappings\": {\"_meta\": {\"content_sha256\": \"older\"}}}")));
    IndexDefinition opportunities = definitions.all().get(0);

    assertThatThrownBy(() -> bootstrap(prefix).ensure(opportunities))
        .isInstanceOf(IndexMismatchException.class)
        .hasMessageContaining(
            "Index ["
                + prefix
                + "opportunities-v1-000000000000] behind alias ["
                + prefix
                + "opportunities]")
        .hasMessageContaining("index-mappings/opportunities.json")
        .hasMessageContaining("sha256 older")
        .hasMessageContaining("bin/reindex opportunities");
    var lenient =
        new SearchIndexProperties(
            List.of("opportunities", "volunteers"),
            prefix,
            "classpath:index-mappings/",
            0,
            true,
            false,
            java.time.Duration.ofMinutes(10));
    new IndexBootstrap(client, definitions, lenient, json).ensure(opportunities);
  }

  @Test
  void aConcreteIndexWhereTheAliasBelongsStopsTheStart() throws IOException {
    String prefix = TestEnvironment.PREFIX + "concrete-";
    // no replica: a one-node cluster stays green even if the run is killed before it deletes this
    // index
    client
        .indices()
        .create(
            c ->
                c.index(prefix + "opportunities")
                    .settings(settings -> settings.numberOfReplicas("0")));
    assertThatThrownBy(() -> bootstrap(prefix).ensure(definitions.all().get(0)))
        .isInstanceOf(IndexMismatchException.class)
        .hasMessageContaining("is a concrete index, not an alias");
  }

  private IndexBootstrap bootstrap(String prefix) {
    var properties =
        new SearchIndexProperties(
            List.of("opportunities", "volunteers"),
            prefix,
            "classpath:index-mappings/",
            0,
            true,
            true,
            java.time.Duration.ofMinutes(10));
    return new IndexBootstrap(client, definitions, properties, json);
  }

  private void index(String id, Map<String, Object> document) throws IOException {
    client.index(i -> i.index(OPPORTUNITIES).id(id).document(document).refresh(Refresh.False));
  }

  /** The ids among this test's four documents that match: other tests share the index. */
  private List<String> ids(Query query) throws IOException {
    return client
        .search(
            s ->
                s.index(OPPORTUNITIES)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.must(query)
                                        .filter(f -> f.ids(i -> i.values("1", "2", "3", "4"))))),
            Map.class)
        .hits()
        .hits()
        .stream()
        .map(Hit::id)
        .toList();
  }
}
