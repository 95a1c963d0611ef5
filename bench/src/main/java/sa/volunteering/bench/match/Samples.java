package sa.volunteering.bench.match;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.search.index.SearchIndexProperties;

/**
 * Seeded random samples of active volunteers and open opportunities, the same in every run on the
 * same data, for the matching measurements.
 */
@Component
class Samples {

  static final Query ACTIVE = Query.of(q -> q.term(t -> t.field("active").value(true)));
  static final Query OPEN =
      Query.of(
          q ->
              q.bool(
                  b ->
                      b.filter(f -> f.term(t -> t.field("status").value("published")))
                          .filter(
                              f -> f.range(r -> r.number(n -> n.field("seats_left").gt(0.0))))));
  static final Query OPEN_REMOTE =
      Query.of(
          q ->
              q.bool(
                  b -> b.filter(OPEN).filter(f -> f.term(t -> t.field("mode").value("remote")))));

  /** A sampled document: its id and city. */
  record Sample(String id, String city) {}

  private final ElasticsearchClient client;
  private final String opportunities;
  private final String volunteers;

  Samples(ElasticsearchClient client, SearchIndexProperties indexes) {
    this.client = client;
    this.opportunities = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
  }

  List<Sample> volunteers(int size) throws IOException {
    return sample(volunteers, ACTIVE, size);
  }

  List<Sample> opportunities(int size) throws IOException {
    return sample(opportunities, OPEN, size);
  }

  /** Open opportunities done remotely: every volunteer who takes remote work can be a candidate. */
  List<Sample> remoteOpportunities(int size) throws IOException {
    return sample(opportunities, OPEN_REMOTE, size);
  }

  /** Open opportunities in one city. */
  List<Sample> opportunitiesIn(String city, int size) throws IOException {
    return sample(
        opportunities,
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(OPEN).filter(f -> f.term(t -> t.field("city_code").value(city))))),
        size);
  }

  /** Volunteers who can be candidates. */
  long activeVolunteers() throws IOException {
    return client.count(count -> count.index(volunteers).query(ACTIVE)).count();
  }

  long count(String index) throws IOException {
    return client.count(count -> count.index(index)).count();
  }

  @SuppressWarnings("rawtypes")
  private List<Sample> sample(String index, Query filter, int size) throws IOException {
    SearchResponse<Map> found =
        client.search(
            search ->
                search
                    .index(index)
                    .size(size)
                    .source(source -> source.filter(f -> f.includes("id", "city_code")))
                    .query(
                        query ->
                            query.functionScore(
                                scored ->
                                    scored
                                        .query(filter)
                                        .functions(
                                            function ->
                                                function.randomScore(
                                                    random -> random.seed("7").field("_seq_no"))))),
            Map.class);
    List<Sample> samples = new ArrayList<>();
    for (Hit<Map> hit : found.hits().hits()) {
      Map source = Objects.requireNonNull(hit.source());
      samples.add(
          new Sample(String.valueOf(source.get("id")), String.valueOf(source.get("city_code"))));
    }
    return samples;
  }
}
