package sa.volunteering.matching.match;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.search.opportunities.OpportunityQueries;
import sa.volunteering.matching.search.opportunities.OpportunityQuery;

/**
 * The matching model as Elasticsearch queries, one request per page and no scripts: hard
 * constraints are filters; the score is the sum of {@code should} clauses, each worth at most its
 * weight: constant scores boosted by it, or functions (gauss decays, field values in [0, 1]) given
 * it as their {@code weight}: a {@code boost} on a function score that replaces its query's score
 * is lost. No nested query either: with {@code search.allow_expensive_queries} off, Elasticsearch
 * refuses them. {@link MatchScorer} computes the same sums in Java for explanations.
 */
@Component
class MatchQueries {

  /**
   * Travel limits are per volunteer and Elasticsearch cannot compare a distance with a field
   * without a script, so candidates are found on this ladder: a volunteer who travels t km is
   * searched within the largest step at or below t. Never beyond anyone's limit; at most one step
   * short of it. Someone who travels less than a kilometre is a candidate for remote work only.
   */
  static final int[] TRAVEL_LADDER_KM = {
    1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750,
    1000, 2000
  };

  static final List<SortOptions> BY_SCORE =
      List.of(
          SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))),
          SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));

  private final MatchingProperties properties;
  private final SkillRelations relations;

  MatchQueries(MatchingProperties properties, SkillRelations relations) {
    this.properties = properties;
    this.relations = relations;
  }

  /**
   * Opportunities for a volunteer, refined by the volunteer's own text and filters. The
   * refinement's main query already keeps published opportunities; seats left are required even if
   * the refinement asked for full ones.
   */
  Query opportunitiesFor(VolunteerDoc volunteer, OpportunityQuery refinement, Instant now) {
    MatchingProperties.Weights weights = properties.weights();
    BoolQuery.Builder bool =
        new BoolQuery.Builder()
            .must(
                Query.of(
                    q ->
                        q.bool(
                            b ->
                                b.must(OpportunityQueries.main(refinement))
                                    .boost((float) weights.text()))))
            .filter(OpportunityQueries.facetFilter(refinement, null))
            .filter(f -> f.range(r -> r.number(n -> n.field("seats_left").gt(0.0))))
            .filter(OpportunityQueries.terms("gender", List.of("any", volunteer.gender())));
    if (volunteer.availableFrom() != null) {
      String from = volunteer.availableFrom().toString();
      bool.filter(f -> f.range(r -> r.date(d -> d.field("ends_at").gte(from))));
    }
    if (volunteer.availableTo() != null) {
      String dayAfter = volunteer.availableTo().plusDays(1).toString();
      bool.filter(f -> f.range(r -> r.date(d -> d.field("starts_at").lt(dayAfter))));
    }
    double age = MatchScorer.age(volunteer, now);
    bool.filter(
        absentOr(
            "min_age", Query.of(q -> q.range(r -> r.number(n -> n.field("min_age").lte(age))))));
    bool.filter(
        absentOr(
            "max_age", Query.of(q -> q.range(r -> r.number(n -> n.field("max_age").gte(age))))));
    List<Query> reachable = new ArrayList<>();
    if (volunteer.remoteOk()) {
      reachable.add(OpportunityQueries.term("mode", "remote"));
    }
    if (volunteer.located() && volunteer.travelKm() >= 1) {
      reachable.add(
          Query.of(
              q ->
                  q.bool(
                      b ->
                          b.mustNot(OpportunityQueries.term("mode", "remote"))
                              .filter(
                                  f ->
                                      f.geoDistance(
                                          g ->
                                              g.field("location")
                                                  .distance(volunteer.travelKm() + "km")
                                                  .location(
                                                      l ->
                                                          l.latlon(
                                                              ll ->
                                                                  ll.lat(volunteer.lat())
                                                                      .lon(volunteer.lon()))))))));
    } else if (!volunteer.located()) {
      reachable.add(
          Query.of(
              q ->
                  q.bool(
                      b ->
                          b.mustNot(OpportunityQueries.term("mode", "remote"))
                              .filter(
                                  OpportunityQueries.term("city_code", volunteer.cityCode())))));
    }
    if (reachable.isEmpty()) {
      reachable.add(Query.of(q -> q.matchNone(m -> m)));
    }
    bool.filter(f -> f.bool(b -> b.should(reachable).minimumShouldMatch("1")));

    if (!volunteer.skills().isEmpty()) {
      bool.should(skillShares(volunteer.skills(), weights.skills()));
    }
    Set<String> around = relations.around(volunteer.skills());
    if (!around.isEmpty() && weights.relatedSkillCredit() > 0) {
      bool.should(skillShares(around, weights.skills() * weights.relatedSkillCredit()));
    }
    if (!volunteer.fields().isEmpty()) {
      bool.should(
          constant(OpportunityQueries.terms("field_code", volunteer.fields()), weights.field()));
    }
    bool.should(
        constant(OpportunityQueries.term("city_code", volunteer.cityCode()), weights.city()));
    bool.should(constant(OpportunityQueries.term("mode", "remote"), weights.distance()));
    if (volunteer.located()) {
      bool.should(
          json(
              """
          {"function_score": {"query": {"bool": {"must_not": {"term": {"mode": "remote"}}}},
            "functions": [{"gauss": {"location": {"origin": {"lat": %s, "lon": %s}, "scale": "%skm", "offset": "%skm", "decay": %s}}, "weight": %s}],
            "boost_mode": "replace"}}"""
                  .formatted(
                      volunteer.lat(),
                      volunteer.lon(),
                      properties.distanceScaleKm(),
                      properties.distanceOffsetKm(),
                      properties.distanceDecay(),
                      weights.distance())));
    }
    if (!volunteer.languages().isEmpty()) {
      bool.should(
          constant(
              OpportunityQueries.terms("languages", volunteer.languages()), weights.language()));
    }
    bool.should(decay("published_at", properties.freshnessScaleDays(), weights.freshness()));
    bool.should(fieldValue("capacity_left", weights.capacity()));
    return Query.of(q -> q.bool(bool.build()));
  }

  /** Volunteers for an opportunity. */
  Query candidatesFor(OpportunityDoc opportunity, Instant now) {
    MatchingProperties.Weights weights = properties.weights();
    int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
    BoolQuery.Builder bool =
        new BoolQuery.Builder().filter(f -> f.term(t -> t.field("active").value(true)));
    if (!"any".equals(opportunity.gender())) {
      bool.filter(OpportunityQueries.term("gender", opportunity.gender()));
    }
    if (opportunity.minAge() != null) {
      double latest = year - opportunity.minAge();
      bool.filter(f -> f.range(r -> r.number(n -> n.field("birth_year").lte(latest))));
    }
    if (opportunity.maxAge() != null) {
      double earliest = year - opportunity.maxAge();
      bool.filter(f -> f.range(r -> r.number(n -> n.field("birth_year").gte(earliest))));
    }
    if (opportunity.startsAt() != null && opportunity.endsAt() != null) {
      bool.filter(
          json(
              """
          {"bool": {"should": [{"bool": {"must_not": {"exists": {"field": "availability"}}}},
            {"range": {"availability": {"gte": "%s", "lte": "%s", "relation": "intersects"}}}], "minimum_should_match": 1}}"""
                  .formatted(opportunity.startsAt(), opportunity.endsAt())));
    }
    if (opportunity.remote()) {
      bool.filter(f -> f.term(t -> t.field("remote_ok").value(true)));
    } else if (opportunity.located()) {
      List<Query> ladder = new ArrayList<>();
      for (int step = 0; step < TRAVEL_LADDER_KM.length; step++) {
        int within = TRAVEL_LADDER_KM[step];
        double upTo =
            step + 1 < TRAVEL_LADDER_KM.length ? TRAVEL_LADDER_KM[step + 1] : Integer.MAX_VALUE;
        ladder.add(
            Query.of(
                q ->
                    q.bool(
                        b ->
                            b.filter(
                                    f ->
                                        f.range(
                                            r ->
                                                r.number(
                                                    n ->
                                                        n.field("travel_km")
                                                            .gte((double) within)
                                                            .lt(upTo))))
                                .filter(
                                    f ->
                                        f.geoDistance(
                                            g ->
                                                g.field("location")
                                                    .distance(within + "km")
                                                    .location(
                                                        l ->
                                                            l.latlon(
                                                                ll ->
                                                                    ll.lat(opportunity.lat())
                                                                        .lon(
                                                                            opportunity
                                                                                .lon()))))))));
      }
      bool.filter(f -> f.bool(b -> b.should(ladder).minimumShouldMatch("1")));
    }

    List<Query> perSkill = new ArrayList<>();
    for (OpportunityDoc.RequiredSkill skill : opportunity.requiredSkills()) {
      double share = skill.share() * weights.skills();
      Query exact = constant(OpportunityQueries.term("skill_codes", skill.code()), share);
      Set<String> related = relations.of(skill.code());
      perSkill.add(
          related.isEmpty() || weights.relatedSkillCredit() == 0
              ? exact
              : Query.of(
                  q ->
                      q.disMax(
                          d ->
                              d.queries(
                                  exact,
                                  constant(
                                      OpportunityQueries.terms("skill_codes", related),
                                      share * weights.relatedSkillCredit())))));
    }
    if (!perSkill.isEmpty()) {
      bool.should(perSkill);
    }
    bool.should(
        constant(OpportunityQueries.term("field_codes", opportunity.fieldCode()), weights.field()));
    bool.should(
        constant(OpportunityQueries.term("city_code", opportunity.cityCode()), weights.city()));
    if (opportunity.remote() || !opportunity.located()) {
      bool.should(constant(Query.of(q -> q.matchAll(m -> m)), weights.distance()));
    } else {
      bool.should(
          json(
              """
          {"function_score": {"functions": [{"gauss": {"location": {"origin": {"lat": %s, "lon": %s}, "scale": "%skm", "offset": "%skm", "decay": %s}}, "weight": %s}],
            "boost_mode": "replace"}}"""
                  .formatted(
                      opportunity.lat(),
                      opportunity.lon(),
                      properties.distanceScaleKm(),
                      properties.distanceOffsetKm(),
                      properties.distanceDecay(),
                      weights.distance())));
    }
    if (!opportunity.languages().isEmpty()) {
      bool.should(
          constant(
              OpportunityQueries.terms("languages", opportunity.languages()), weights.language()));
    }
    bool.should(decay("updated_at", properties.activityScaleDays(), weights.freshness()));
    bool.should(fieldValue("experience", weights.experience()));
    return Query.of(q -> q.bool(bool.build()));
  }

  /**
   * Sum over the required skills whose code is in {@code codes} of their share, times {@code
   * weight}: one clause per code, worth the opportunity's {@code skill_shares.<code>} where it
   * requires that skill.
   */
  private static Query skillShares(Collection<String> codes, double weight) {
    List<Query> perCode =
        codes.stream()
            .sorted()
            .map(
                code ->
                    Query.of(
                        q ->
                            q.functionScore(
                                fs ->
                                    fs.query(OpportunityQueries.term("skill_codes", code))
                                        .functions(
                                            f ->
                                                f.fieldValueFactor(
                                                        v ->
                                                            v.field("skill_shares." + code)
                                                                .missing(0.0))
                                                    .weight(weight))
                                        .boostMode(FunctionBoostMode.Replace))))
            .toList();
    return Query.of(q -> q.bool(b -> b.should(perCode)));
  }

  private static Query constant(Query filter, double weight) {
    return Query.of(q -> q.constantScore(c -> c.filter(filter).boost((float) weight)));
  }

  private Query decay(String field, double scaleDays, double weight) {
    return json(
        """
        {"function_score": {"functions": [{"gauss": {"%s": {"origin": "now", "scale": "%sh", "decay": %s}}, "weight": %s}],
          "boost_mode": "replace"}}"""
            .formatted(field, formatHours(scaleDays), properties.decay(), weight));
  }

  private static Query fieldValue(String field, double weight) {
    return json(
        """
        {"function_score": {"functions": [{"field_value_factor": {"field": "%s", "missing": 0}, "weight": %s}], "boost_mode": "replace"}}"""
            .formatted(field, weight));
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

  private static String formatHours(double days) {
    return String.format(Locale.ROOT, "%d", Math.round(days * 24));
  }

  private static Query json(String query) {
    return Query.of(q -> q.withJson(new StringReader(query)));
  }
}
