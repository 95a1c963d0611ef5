package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;
import sa.volunteering.matching.taxonomy.City;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * The second relevance set (issue 23): opportunities written by hand for queries as people type
 * them, published through the API by an organization of their own and indexed by the real indexer.
 * Kept apart from {@link SearchCorpus}: {@code evaluation/understanding-*.tsv}.
 */
final class UnderstandingCorpus {

  /** One opportunity of the set. */
  record Opportunity(
      String key,
      String field,
      String city,
      String skill,
      String titleAr,
      @Nullable String titleEn,
      String descriptionAr) {}

  /** One query of the set and the opportunities it is meant to find. */
  record Query(String category, String text, Set<String> intended) {}

  static final List<Opportunity> OPPORTUNITIES =
      rows("understanding-opportunities.tsv", 7).stream()
          .map(
              row ->
                  new Opportunity(
                      row[0],
                      row[1],
                      row[2],
                      row[3],
                      row[4],
                      row[5].equals("-") ? null : row[5],
                      row[6]))
          .toList();

  static final List<Query> QUERIES =
      rows("understanding-queries.tsv", 3).stream()
          .map(row -> new Query(row[0], row[1], new LinkedHashSet<>(List.of(row[2].split("\\|")))))
          .toList();

  final UUID organization;
  private final Map<String, String> keysById;

  private UnderstandingCorpus(UUID organization, Map<String, String> keysById) {
    this.organization = organization;
    this.keysById = keysById;
  }

  static UnderstandingCorpus publish(
      Api api, OutboxIndexer indexer, ElasticsearchClient elasticsearch, Taxonomy taxonomy) {
    Api.Response created =
        api.post(
            "/api/organizations",
            Tokens.admin(),
            Fixtures.organizationBody("جمعية أثر للعمل الخيري", "Athar Charity"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    UUID organization = UUID.fromString(created.id());
    Map<String, String> keysById = new LinkedHashMap<>();
    for (Opportunity opportunity : OPPORTUNITIES) {
      City city = taxonomy.cities().byCode(opportunity.city()).orElseThrow();
      Api.Response draft =
          api.post(
              "/api/organizations/" + organization + "/opportunities",
              Tokens.member(organization),
              body(opportunity, city));
      assertThat(draft.status()).as(opportunity.key() + " " + draft).isEqualTo(201);
      Api.Response published =
          api.post(
              "/api/opportunities/" + draft.id() + "/publish", Tokens.member(organization), null);
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
      keysById.put(draft.id(), opportunity.key());
    }
    indexer.drain().block(Duration.ofSeconds(60));
    try {
      elasticsearch.indices().refresh(r -> r.index(TestEnvironment.PREFIX + "opportunities"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new UnderstandingCorpus(organization, Map.copyOf(keysById));
  }

  String key(String id) {
    return keysById.getOrDefault(id, id);
  }

  private static Map<String, Object> body(Opportunity opportunity, City city) {
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.opportunityBody(10));
    body.put("titleAr", opportunity.titleAr());
    body.put("titleEn", opportunity.titleEn());
    body.put("descriptionAr", opportunity.descriptionAr());
    body.put("fieldCode", opportunity.field());
    body.put("cityCode", opportunity.city());
    body.put("lat", city.lat());
    body.put("lon", city.lon());
    Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    body.put("startsAt", start.toString());
    body.put("endsAt", start.plus(2, ChronoUnit.DAYS).toString());
    body.put("requiredSkills", List.of(Map.of("code", opportunity.skill(), "weight", 1.0)));
    return body;
  }

  private static List<String[]> rows(String file, int columns) {
    try (InputStream in = UnderstandingCorpus.class.getResourceAsStream("/evaluation/" + file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(
              line -> {
                String[] row = line.split(" ; ", -1);
                if (row.length != columns) {
                  throw new IllegalStateException(file + ": not " + columns + " columns: " + line);
                }
                for (int i = 0; i < row.length; i++) {
                  row[i] = row[i].strip();
                }
                return row;
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
