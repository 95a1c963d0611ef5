package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Translates an {@link OpportunityQuery} into Elasticsearch's query language. User text only ever
 * reaches Elasticsearch as the text of match queries: never as query-string syntax, wildcard or
 * regular expression.
 *
 * <p>The text matches exactly (after analysis: diacritics, hamza, teh marbuta, attached prefixes
 * and stems folded, the words around the intent dropped) with the full weight; the {@link
 * Expansions} of the lexicon's concepts it names match with half or less, and the {@link
 * Corrections} of its misspelt words with a fifth, so an exact match outranks an expanded or
 * corrected one. A text of nothing but words around the intent («وش فيه؟») matches everything; one
 * without a letter or digit («*») matches nothing. No fuzzy, prefix, wildcard, regexp, script or
 * nested query is ever sent: Elasticsearch runs with {@code search.allow_expensive_queries} off.
 * Taxonomy terms named in the text (a city, field or skill in either language) also match their
 * codes.
 *
 * <p>Facet filters (field, city, skill, mode) are kept apart from the others so that each facet can
 * count what choosing another value would give.
 */
public final class OpportunityQueries {

  static final List<String> TEXT_FIELDS =
      List.of(
          "title^4",
          "title.en^3",
          "organization.name^2",
          "organization.name.en^1.5",
          "description",
          "description.en^0.8",
          "city_name.words");

  private OpportunityQueries() {}

  /** Text, relevance and every filter but the facet ones. */
  public static Query main(OpportunityQuery query) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    if (query.hasText()) {
      bool.must(text(query));
    }
    bool.filter(term("status", "published"));
    if (!query.includeFull()) {
      bool.filter(f -> f.range(r -> r.number(n -> n.field("seats_left").gt(0.0))));
    }
    if (query.from() != null) {
      String from = query.from().toString();
      bool.filter(f -> f.range(r -> r.date(d -> d.field("ends_at").gte(from))));
    }
    if (query.to() != null) {
      String dayAfter = query.to().plusDays(1).toString();
      bool.filter(f -> f.range(r -> r.date(d -> d.field("starts_at").lt(dayAfter))));
    }
    if (!query.regions().isEmpty()) {
      bool.filter(terms("region_code", query.regions()));
    }
    OpportunityQuery.Point point = query.point();
    if (point != null && query.radiusKm() != null) {
      String distance = query.radiusKm() + "km";
      bool.filter(
          f ->
              f.geoDistance(
                  g ->
                      g.field("location")
                          .distance(distance)
                          .location(l -> l.latlon(ll -> ll.lat(point.lat()).lon(point.lon())))));
    }
    if (query.gender() != null) {
      bool.filter(terms("gender", List.of("any", query.gender())));
    }
    if (query.age() != null) {
      double age = query.age();
      bool.filter(
          absentOr(
              "min_age", Query.of(q -> q.range(r -> r.number(n -> n.field("min_age").lte(age))))));
      bool.filter(
          absentOr(
              "max_age", Query.of(q -> q.range(r -> r.number(n -> n.field("max_age").gte(age))))));
    }
    if (query.organization() != null) {
      bool.filter(term("organization.id", query.organization().toString()));
    }
    return Query.of(q -> q.bool(bool.build()));
  }

  /**
   * The facet filters, all of them or all but one facet's own ({@code except}), so that a facet
   * counts its alternatives.
   */
  public static Query facetFilter(OpportunityQuery query, @Nullable String except) {
    List<Query> filters = new ArrayList<>();
    if (!"field".equals(except) && !query.fields().isEmpty()) {
      filters.add(terms("field_code", query.fields()));
    }
    if (!"city".equals(except) && !query.cities().isEmpty()) {
      filters.add(terms("city_code", query.cities()));
    }
    if (!"skill".equals(except) && !query.skills().isEmpty()) {
      if (query.allSkills()) {
        query.skills().forEach(skill -> filters.add(term("skill_codes", skill)));
      } else {
        filters.add(terms("skill_codes", query.skills()));
      }
    }
    if (!"mode".equals(except) && !query.modes().isEmpty()) {
      filters.add(terms("mode", query.modes()));
    }
    return filters.isEmpty()
        ? Query.of(q -> q.matchAll(m -> m))
        : Query.of(q -> q.bool(b -> b.filter(filters)));
  }

  /** Everything at once, for the stream, which has no facets to count. */
  public static Query all(OpportunityQuery query) {
    return Query.of(q -> q.bool(b -> b.must(main(query)).filter(facetFilter(query, null))));
  }

  /** The sort of the query, ended by the id so that it is total and a cursor names one place. */
  public static List<SortOptions> sort(OpportunityQuery query) {
    SortOptions first =
        switch (query.sort()) {
          case RELEVANCE -> SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc)));
          case NEWEST -> field("published_at", SortOrder.Desc);
          case SOONEST -> field("starts_at", SortOrder.Asc);
          case NEAREST -> {
            OpportunityQuery.Point point = java.util.Objects.requireNonNull(query.point());
            yield SortOptions.of(
                s ->
                    s.geoDistance(
                        g ->
                            g.field("location")
                                .order(SortOrder.Asc)
                                .unit(DistanceUnit.Kilometers)
                                .location(
                                    l -> l.latlon(ll -> ll.lat(point.lat()).lon(point.lon())))));
          }
        };
    return List.of(first, field("id", SortOrder.Asc));
  }

  private static Query text(OpportunityQuery query) {
    String text = query.text();
    List<Query> ways = new ArrayList<>();
    ways.add(
        Query.of(
            q ->
                q.multiMatch(
                    m ->
                        m.query(text)
                            .fields(TEXT_FIELDS)
                            .type(TextQueryType.BestFields)
                            .tieBreaker(0.3)
                            .operator(Operator.Or)
                            .zeroTermsQuery(
                                hasWord(text) ? ZeroTermsQuery.All : ZeroTermsQuery.None))));
    ways.add(Query.of(q -> q.matchPhrase(m -> m.field("title").query(text).slop(2).boost(2f))));
    if (!query.corrections().isEmpty()) {
      ways.add(query.corrections().query());
    }
    if (!query.expansions().isEmpty()) {
      ways.add(query.expansions().query());
    }
    OpportunityQuery.Mentions mentioned = query.mentioned();
    if (!mentioned.cities().isEmpty()) {
      ways.add(boosted(terms("city_code", mentioned.cities()), 3f));
    }
    if (!mentioned.fields().isEmpty()) {
      ways.add(boosted(terms("field_code", mentioned.fields()), 2f));
    }
    if (!mentioned.skills().isEmpty()) {
      ways.add(boosted(terms("skill_codes", mentioned.skills()), 2f));
    }
    return Query.of(q -> q.bool(b -> b.should(ways).minimumShouldMatch("1")));
  }

  /** The text alone, without the taxonomy codes: what highlights mark. */
  public static Query highlighted(OpportunityQuery query) {
    String text = query.text();
    List<Query> ways = new ArrayList<>();
    ways.add(
        Query.of(
            q ->
                q.multiMatch(
                    m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.BestFields))));
    if (!query.corrections().isEmpty()) {
      ways.add(query.corrections().query());
    }
    if (!query.expansions().isEmpty()) {
      ways.add(query.expansions().query());
    }
    return Query.of(q -> q.bool(b -> b.should(ways)));
  }

  private static boolean hasWord(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static Query boosted(Query query, float boost) {
    return Query.of(q -> q.constantScore(c -> c.filter(query).boost(boost)));
  }

  private static Query absentOr(String field, Query condition) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.should(condition)
                        .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field(field)))))
                        .minimumShouldMatch("1")));
  }

  public static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  public static Query terms(String field, Collection<String> values) {
    List<FieldValue> list = values.stream().sorted().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
  }

  private static SortOptions field(String field, SortOrder order) {
    return SortOptions.of(s -> s.field(f -> f.field(field).order(order)));
  }
}
