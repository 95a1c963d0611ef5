package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * Autocomplete: taxonomy terms from memory, then organizations and opportunity titles from the
 * index (edge n-grams of every word, folded, article dropped: {@code المتط} finds titles about
 * متطوعين), in one request.
 */
@Service
class Suggester {

  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final TaxonomySuggester taxonomy;
  private final String alias;

  Suggester(
      ElasticsearchAsyncClient client,
      ElasticsearchLanes lanes,
      Taxonomy taxonomy,
      SearchIndexProperties indexes) {
    this.client = client;
    this.lanes = lanes;
    this.taxonomy = new TaxonomySuggester(taxonomy);
    this.alias = indexes.alias("opportunities");
  }

  Mono<List<Suggestion>> suggest(String prefix, int size) {
    List<Suggestion> terms = taxonomy.suggest(prefix, size);
    if (terms.size() >= size) {
      return Mono.just(terms);
    }
    Language script = Language.ofText(prefix);
    Query organizationName = match("organization.name.prefix", prefix);
    SearchRequest request =
        SearchRequest.of(
            s ->
                s.index(alias)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(OpportunityQueries.term("status", "published"))
                                        .must(match("title.prefix", prefix))))
                    .size(size)
                    .source(source -> source.filter(f -> f.includes("id", "title")))
                    .aggregations(
                        "organizations",
                        a ->
                            a.global(g -> g)
                                .aggregations(
                                    "matching",
                                    m ->
                                        m.filter(
                                                f ->
                                                    f.bool(
                                                        b ->
                                                            b.filter(
                                                                    OpportunityQueries.term(
                                                                        "status", "published"))
                                                                .filter(organizationName)))
                                            .aggregations(
                                                "ids",
                                                ids ->
                                                    ids.terms(
                                                            t ->
                                                                t.field("organization.id")
                                                                    .size(size))
                                                        .aggregations(
                                                            "name",
                                                            n ->
                                                                n.topHits(
                                                                    top ->
                                                                        top.size(1)
                                                                            .source(
                                                                                src ->
                                                                                    src.filter(
                                                                                        f ->
                                                                                            f
                                                                                                .includes(
                                                                                                    "organization.name")))))))));
    return lanes
        .search(() -> client.search(request, Map.class))
        .map(
            response ->
                merge(terms, organizations(response, script), titles(response, script), size));
  }

  private static Query match(String field, String prefix) {
    return Query.of(q -> q.match(m -> m.field(field).query(prefix).operator(Operator.And)));
  }

  @SuppressWarnings("rawtypes")
  private static List<Suggestion> titles(SearchResponse<Map> response, Language script) {
    return response.hits().hits().stream()
        .filter(hit -> hit.source() != null)
        .map(
            hit ->
                new Suggestion(
                    "opportunity",
                    String.valueOf(hit.source().get("id")),
                    inScript(HitReader.text(String.valueOf(hit.source().get("title"))), script)))
        .toList();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Suggestion> organizations(SearchResponse<Map> response, Language script) {
    List<StringTermsBucket> buckets =
        Answered.aggregation(
                Answered.aggregation(
                        Answered.aggregation(response.aggregations(), "organizations")
                            .global()
                            .aggregations(),
                        "matching")
                    .filter()
                    .aggregations(),
                "ids")
            .sterms()
            .buckets()
            .array();
    List<Suggestion> suggestions = new ArrayList<>();
    for (StringTermsBucket bucket : buckets) {
      var top = Answered.aggregation(bucket.aggregations(), "name").topHits().hits().hits();
      if (!top.isEmpty() && top.get(0).source() != null) {
        Map<String, Object> source = top.get(0).source().to(Map.class);
        Object name =
            source.get("organization") instanceof Map<?, ?> organization
                ? organization.get("name")
                : null;
        suggestions.add(
            new Suggestion(
                "organization",
                bucket.key().stringValue(),
                inScript(HitReader.text(String.valueOf(name)), script)));
      }
    }
    return suggestions;
  }

  private static String inScript(OpportunityHit.Text text, Language script) {
    return script == Language.EN && text.en() != null ? text.en() : text.ar();
  }

  /** Taxonomy terms first, then organizations, then titles; the same text only once. */
  private static List<Suggestion> merge(
      List<Suggestion> terms, List<Suggestion> organizations, List<Suggestion> titles, int size) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<Suggestion> merged = new ArrayList<>();
    for (List<Suggestion> group : List.of(terms, organizations, titles)) {
      for (Suggestion suggestion : group) {
        if (merged.size() < size && seen.add(suggestion.type() + "\u0000" + suggestion.text())) {
          merged.add(suggestion);
        }
      }
    }
    return merged;
  }
}
