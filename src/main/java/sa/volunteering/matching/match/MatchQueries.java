package sa.volunteering.matching.match;

import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.indexing.RankingSteps;
import sa.volunteering.matching.indexing.ReachCells;
import sa.volunteering.matching.indexing.Rotation;
import sa.volunteering.matching.indexing.ValueAsDate;
import sa.volunteering.matching.indexing.Weekdays;
import sa.volunteering.matching.search.opportunities.OpportunityQueries;
import sa.volunteering.matching.search.opportunities.OpportunityQuery;

/**
 * The matching model as Elasticsearch queries, one request per page and no scripts: hard
 * constraints are filters; the score is the sum of {@code should} clauses, each named after its
 * component ({@code skills:<code>}, {@code field}, {@code distance}, …) and worth at most its
 * weight, so that Elasticsearch reports each clause's part of a hit's score and the explanation is
 * what ranked it. Every clause is a constant score or a {@code distance_feature}, whose highest
 * score Lucene knows, and a page is sorted by score alone, ties broken inside the score by the
 * day's {@link Rotation}: a second sort key would stop Elasticsearch from skipping documents that
 * cannot reach the page (docs/ranking.md, "What a ranking request costs"). No nested query either:
 * with {@code search.allow_expensive_queries} off, Elasticsearch refuses them.
 */
@Component
class MatchQueries {

  /**
   * How a stream's ranked ids are listed: by score, then by the unique id, so that a cursor names
   * one hit in any point in time.
   */
  static final List<SortOptions> BY_SCORE_THEN_ID =
      List.of(
          SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))),
          SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));

  private static final double MILLIS_A_DAY = 86_400_000.0;

  /** The name of the clauses of the {@link Rotation}. */
  static final String TIEBREAK = "tiebreak";

  private final MatchingProperties properties;
  private final SkillRelations relations;

  /** The name of the clause that scores the volunteer's own text. */
  static final String TEXT = "text";

  /** The name of the clause that puts applicants first. */
  static final String APPLICANT = "applicant";

  MatchQueries(MatchingProperties properties, SkillRelations relations) {
    this.properties = properties;
    this.relations = relations;
  }

  /**
   * Opportunities for a volunteer, refined by the volunteer's own text and filters, but those in
   * {@code leftOut} (what they applied to). The refinement's main query already keeps published
   * opportunities; seats left are required even if the refinement asked for full ones.
   */
  Query opportunitiesFor(
      VolunteerDoc volunteer, OpportunityQuery refinement, Set<String> leftOut, Instant now) {
    MatchingProperties.Weights weights = properties.weights(Direction.OPPORTUNITIES);
    BoolQuery.Builder bool =
        new BoolQuery.Builder()
            .must(
                Query.of(
                    q ->
                        q.bool(
                            b ->
                                b.must(OpportunityQueries.main(refinement))
                                    .boost((float) weights.text())
                                    .queryName(TEXT))))
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
      bool.should(skillShares(volunteer.skills(), weights.skills(), "skills:"));
    }
    Set<String> around = relations.around(volunteer.skills());
    if (!around.isEmpty() && weights.relatedSkillCredit() > 0) {
      bool.should(
          skillShares(around, weights.skills() * weights.relatedSkillCredit(), "skills:related:"));
    }
    if (!volunteer.fields().isEmpty()) {
      bool.should(
          constant(
              "field",
              OpportunityQueries.terms("field_code", volunteer.fields()),
              weights.field()));
    }
    bool.should(
        constant(
            "city", OpportunityQueries.term("city_code", volunteer.cityCode()), weights.city()));
    bool.should(
        constant("distance:remote", OpportunityQueries.term("mode", "remote"), weights.distance()));
    if (volunteer.located()) {
      Query closeness = closeness(volunteer.lat(), volunteer.lon(), weights.distance(), null);
      bool.should(
          s ->
              s.bool(
                  b ->
                      b.must(closeness)
                          .mustNot(OpportunityQueries.term("mode", "remote"))
                          .queryName("distance")));
    }
    if (!volunteer.languages().isEmpty()) {
      bool.should(
          constant(
              "language",
              OpportunityQueries.terms("languages", volunteer.languages()),
              weights.language()));
    }
    if (weights.weekdays() > 0) {
      bool.should(
          constant(
              "weekdays",
              volunteer.weekdays().isEmpty()
                  ? Query.of(q -> q.matchAll(m -> m))
                  : OpportunityQueries.terms("weekdays", volunteer.weekdays()),
              weights.weekdays()));
    }
    if (!volunteer.servedFields().isEmpty() && weights.pastField() > 0) {
      bool.should(
          constant(
              "past_field",
              OpportunityQueries.terms("field_code", volunteer.servedFields()),
              weights.pastField()));
    }
    if (!volunteer.servedOrganizations().isEmpty() && weights.pastOrganization() > 0) {
      bool.should(
          constant(
              "past_organization",
              OpportunityQueries.terms("organization.id", volunteer.servedOrganizations()),
              weights.pastOrganization()));
    }
    bool.should(recency("published_at", now, properties.freshnessHalfDays(), weights.freshness()));
    bool.should(asDate("capacity", "capacity_as_date", weights.capacity()));
    if (weights.urgency() > 0) {
      bool.should(urgency(now, weights.urgency()));
    }
    if (weights.verified() > 0) {
      bool.should(
          constant(
              "verified",
              OpportunityQueries.term("organization.verified", "true"),
              weights.verified()));
    }
    if (!leftOut.isEmpty()) {
      bool.mustNot(m -> m.ids(i -> i.values(List.copyOf(leftOut))));
    }
    bool.should(rotation(now));
    return Query.of(q -> q.bool(bool.build()));
  }

  /**
   * How soon an opportunity that has not started yet starts, {@code half / (half + days)} times the
   * weight; nothing once it has started. Both measured from the hour ({@link #urgencyOrigin}).
   */
  private Query urgency(Instant now, double weight) {
    Instant origin = urgencyOrigin(now);
    Query soon =
        dateFeature(
            "starts_at",
            origin,
            Math.round(properties.urgencyHalfDays() * MILLIS_A_DAY),
            weight,
            null);
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.must(soon)
                        .filter(
                            f ->
                                f.range(
                                    r -> r.date(d -> d.field("starts_at").gte(origin.toString()))))
                        .queryName("urgency")));
  }

  /**
   * Where urgency is measured from: the start of the hour, so that its filter is the same query for
   * an hour and Elasticsearch caches which documents pass it instead of reading the dates of the
   * whole index for every request.
   */
  static Instant urgencyOrigin(Instant now) {
    return now.truncatedTo(ChronoUnit.HOURS);
  }

  /** Volunteers for an opportunity, those in {@code first} (applicants) above everyone else. */
  Query candidatesFor(OpportunityDoc opportunity, Set<String> first, Instant now) {
    Query ranked = candidatesFor(opportunity, now);
    if (first.isEmpty()) {
      return ranked;
    }
    BoolQuery bool = ranked.bool();
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.must(bool.must())
                        .filter(bool.filter())
                        .mustNot(bool.mustNot())
                        .should(bool.should())
                        .should(
                            constant(
                                APPLICANT,
                                Query.of(i -> i.ids(ids -> ids.values(List.copyOf(first)))),
                                applicantLift()))));
  }

  /**
   * What an applicant put first scores above the model: more than any score the model can give, so
   * that every applicant ranks above every other candidate and in the model's order among
   * themselves.
   */
  double applicantLift() {
    return Math.ceil(candidatesAtMost()) + 1;
  }

  /** The most a candidate can score: every weight of the candidates' components. */
  private double candidatesAtMost() {
    MatchingProperties.Weights weights = properties.weights(Direction.CANDIDATES);
    return weights.skills()
        + weights.field()
        + weights.pastField()
        + weights.pastOrganization()
        + sharingNothingAtMost(Direction.CANDIDATES);
  }

  /**
   * The scored-first sets with {@code first} added to each: an applicant put first outscores the
   * bound of any set, so it must be scored in every one.
   */
  static List<ScoredFirst> withApplicants(List<ScoredFirst> sets, Set<String> first) {
    if (first.isEmpty()) {
      return sets;
    }
    Query applicants = Query.of(q -> q.ids(ids -> ids.values(List.copyOf(first))));
    return sets.stream()
        .map(
            set ->
                new ScoredFirst(
                    Query.of(
                        q ->
                            q.bool(b -> b.should(set.among(), applicants).minimumShouldMatch("1"))),
                    set.othersAtMost()))
        .toList();
  }

  /** Volunteers for an opportunity. */
  Query candidatesFor(OpportunityDoc opportunity, Instant now) {
    MatchingProperties.Weights weights = properties.weights(Direction.CANDIDATES);
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
      bool.filter(
          OpportunityQueries.terms(
              "reach_cells", ReachCells.holding(opportunity.lat(), opportunity.lon())));
    }

    for (OpportunityDoc.RequiredSkill skill : opportunity.requiredSkills()) {
      double share = skill.share() * weights.skills();
      String name = "skills:" + skill.code();
      Query exact = OpportunityQueries.term("skill_codes", skill.code());
      Set<String> related = relations.of(skill.code());
      bool.should(
          related.isEmpty() || weights.relatedSkillCredit() == 0
              ? constant(name, exact, share)
              : Query.of(
                  q ->
                      q.disMax(
                          d ->
                              d.queries(
                                      constant(null, exact, share),
                                      constant(
                                          null,
                                          OpportunityQueries.terms("skill_codes", related),
                                          share * weights.relatedSkillCredit()))
                                  .queryName(name))));
    }
    bool.should(
        constant(
            "field",
            OpportunityQueries.term("field_codes", opportunity.fieldCode()),
            weights.field()));
    bool.should(
        constant(
            "city", OpportunityQueries.term("city_code", opportunity.cityCode()), weights.city()));
    if (opportunity.remote() || !opportunity.located()) {
      bool.should(constant("distance", Query.of(q -> q.matchAll(m -> m)), weights.distance()));
    } else {
      bool.should(closeness(opportunity.lat(), opportunity.lon(), weights.distance(), "distance"));
    }
    if (!opportunity.languages().isEmpty()) {
      bool.should(
          constant(
              "language",
              OpportunityQueries.terms("languages", opportunity.languages()),
              weights.language()));
    }
    if (weights.weekdays() > 0) {
      bool.should(constant("weekdays", freeOn(opportunity.weekdays()), weights.weekdays()));
    }
    if (weights.pastField() > 0) {
      bool.should(
          constant(
              "past_field",
              OpportunityQueries.term("served_fields", opportunity.fieldCode()),
              weights.pastField()));
    }
    if (weights.pastOrganization() > 0) {
      bool.should(
          constant(
              "past_organization",
              OpportunityQueries.term("served_organizations", opportunity.organizationId()),
              weights.pastOrganization()));
    }
    bool.should(recency("last_active_at", now, properties.activityHalfDays(), weights.freshness()));
    bool.should(asDate("experience", "experience_as_date", weights.experience()));
    if (weights.trackRecord() > 0) {
      bool.should(asDate("track_record", "track_record_as_date", weights.trackRecord()));
    }
    if (weights.exposure() > 0) {
      bool.should(asDate("exposure", "exposure_as_date", weights.exposure()));
    }
    bool.should(rotation(now));
    return Query.of(q -> q.bool(bool.build()));
  }

  /**
   * Volunteers free on one of these days ({@link Weekdays#overlap}): their {@code free_on} holds
   * their days, or all seven when they named none, so that everyone is free on an opportunity that
   * runs every day, and a clause on all documents costs less than the terms.
   */
  private static Query freeOn(Set<String> days) {
    return days.containsAll(Weekdays.ALL)
        ? Query.of(q -> q.matchAll(m -> m))
        : OpportunityQueries.terms("free_on", days);
  }

  /**
   * Documents a page is scored among before the whole query, and the most any other document can
   * score without text: a page whose lowest score is above that is the whole query's page.
   */
  record ScoredFirst(Query among, double othersAtMost) {}

  /**
   * What a volunteer's page of matches is scored among first, narrowest first ({@link
   * #scoredFirst}): their skills, related skills and fields against the opportunities' required
   * skills and field, their verified hours' fields and organizations against the opportunities'
   * field and organization.
   */
  List<ScoredFirst> opportunitiesScoredFirst(VolunteerDoc volunteer) {
    Set<String> exact = new TreeSet<>(volunteer.skills());
    Set<String> related = new TreeSet<>(relations.around(volunteer.skills()));
    related.removeAll(exact);
    MatchingProperties.Weights weights = properties.weights(Direction.OPPORTUNITIES);
    Past past =
        new Past(
            volunteer.servedFields().isEmpty() || weights.pastField() == 0
                ? null
                : OpportunityQueries.terms("field_code", volunteer.servedFields()),
            volunteer.servedOrganizations().isEmpty() || weights.pastOrganization() == 0
                ? null
                : OpportunityQueries.terms("organization.id", volunteer.servedOrganizations()));
    return scoredFirst(
        Direction.OPPORTUNITIES,
        "skill_codes",
        exact,
        related,
        "field_code",
        volunteer.fields(),
        past);
  }

  /**
   * What an opportunity's page of candidates is scored among first, narrowest first ({@link
   * #scoredFirst}): its required skills, their related skills and its field against the volunteers'
   * skills and fields, its field and organization against the fields and organizations of the
   * volunteers' verified hours.
   */
  List<ScoredFirst> candidatesScoredFirst(OpportunityDoc opportunity) {
    Set<String> exact = new TreeSet<>();
    Set<String> related = new TreeSet<>();
    for (OpportunityDoc.RequiredSkill skill : opportunity.requiredSkills()) {
      exact.add(skill.code());
      related.addAll(relations.of(skill.code()));
    }
    related.removeAll(exact);
    MatchingProperties.Weights weights = properties.weights(Direction.CANDIDATES);
    Past past =
        new Past(
            weights.pastField() == 0
                ? null
                : OpportunityQueries.term("served_fields", opportunity.fieldCode()),
            weights.pastOrganization() == 0
                ? null
                : OpportunityQueries.term("served_organizations", opportunity.organizationId()));
    return scoredFirst(
        Direction.CANDIDATES,
        "skill_codes",
        exact,
        related,
        "field_codes",
        List.of(opportunity.fieldCode()),
        past);
  }

  /**
   * The documents that earn the past field and the past organization; null for a component the
   * query has no clause for.
   */
  private record Past(@Nullable Query field, @Nullable Query organization) {}

  /**
   * Set 2, and alone without skills in common: those sharing a skill or a related one, a field, or
   * a past field or organization; any other earns at most what every document may ({@code
   * sharingNothingAtMost}). Set 1, first when there are skills in common: those with one of them;
   * with a related skill and a field or past field; or with a past organization and a related
   * skill, a field or a past field. Any other has no skill in common and earns at most one of: the
   * related credit (the skills' weight times the related credit, the required shares adding up to
   * one); the field with the past field; the past organization alone. The bound is the largest.
   */
  private List<ScoredFirst> scoredFirst(
      Direction direction,
      String skillField,
      Set<String> exact,
      Set<String> related,
      String fieldField,
      Collection<String> fields,
      Past past) {
    Set<String> skills = new TreeSet<>(exact);
    skills.addAll(related);
    @Nullable Query chosenField =
        fields.isEmpty() ? null : OpportunityQueries.terms(fieldField, fields);
    List<Query> shared = new ArrayList<>();
    if (!skills.isEmpty()) {
      shared.add(OpportunityQueries.terms(skillField, skills));
    }
    addPresent(shared, chosenField, past.field(), past.organization());
    double sharingNothingAtMost = sharingNothingAtMost(direction);
    ScoredFirst sharing = new ScoredFirst(anyOf(shared), sharingNothingAtMost);
    if (exact.isEmpty()) {
      return List.of(sharing);
    }
    @Nullable Query relatedSkill =
        related.isEmpty() ? null : OpportunityQueries.terms(skillField, related);
    List<Query> fieldLike = new ArrayList<>();
    addPresent(fieldLike, chosenField, past.field());
    List<Query> among = new ArrayList<>();
    among.add(OpportunityQueries.terms(skillField, exact));
    if (relatedSkill != null && !fieldLike.isEmpty()) {
      among.add(allOf(relatedSkill, anyOf(fieldLike)));
    }
    List<Query> relatedOrFieldLike = new ArrayList<>(fieldLike);
    addPresent(relatedOrFieldLike, relatedSkill);
    if (past.organization() != null && !relatedOrFieldLike.isEmpty()) {
      among.add(allOf(past.organization(), anyOf(relatedOrFieldLike)));
    }
    MatchingProperties.Weights weights = properties.weights(direction);
    double relatedAtMost =
        relatedSkill == null ? 0 : weights.skills() * weights.relatedSkillCredit();
    double fieldAtMost =
        (chosenField == null ? 0 : weights.field())
            + (past.field() == null ? 0 : weights.pastField());
    double organizationAtMost = past.organization() == null ? 0 : weights.pastOrganization();
    ScoredFirst narrow =
        new ScoredFirst(
            anyOf(among),
            sharingNothingAtMost
                + Math.max(relatedAtMost, Math.max(fieldAtMost, organizationAtMost)));
    return List.of(narrow, sharing);
  }

  private static void addPresent(List<Query> queries, @Nullable Query... present) {
    for (Query query : present) {
      if (query != null) {
        queries.add(query);
      }
    }
  }

  private static Query anyOf(List<Query> queries) {
    return queries.isEmpty()
        ? Query.of(q -> q.matchNone(m -> m))
        : Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
  }

  private static Query allOf(Query first, Query second) {
    return Query.of(q -> q.bool(b -> b.filter(first).filter(second)));
  }

  /**
   * The most a document that shares no skill, related skill, field, past field or past organization
   * can score (the text aside): every other component's weight, and the rotation's.
   */
  private double sharingNothingAtMost(Direction direction) {
    MatchingProperties.Weights weights = properties.weights(direction);
    return weights.city()
        + weights.distance()
        + weights.language()
        + weights.weekdays()
        + weights.freshness()
        + (direction == Direction.OPPORTUNITIES
            ? weights.capacity() + weights.urgency() + weights.verified()
            : weights.experience() + weights.trackRecord() + weights.exposure())
        + Rotation.WEIGHT;
  }

  /**
   * Sum over the required skills whose code is in {@code codes} of their share, times {@code
   * weight}: per code, named {@code prefix + code}, the largest of one constant score per share in
   * twelfths, of which an opportunity matches at most one ({@code skill_share_steps}).
   */
  private static List<Query> skillShares(Collection<String> codes, double weight, String prefix) {
    return codes.stream()
        .sorted()
        .map(
            code -> {
              List<Query> byShare = new ArrayList<>(RankingSteps.TWELFTHS);
              for (int twelfths = 1; twelfths <= RankingSteps.TWELFTHS; twelfths++) {
                byShare.add(
                    constant(
                        null,
                        OpportunityQueries.term(
                            "skill_share_steps", RankingSteps.shareToken(code, twelfths)),
                        weight * twelfths / RankingSteps.TWELFTHS));
              }
              return Query.of(q -> q.disMax(d -> d.queries(byShare).queryName(prefix + code)));
            })
        .toList();
  }

  /**
   * A value indexed as a date ({@link ValueAsDate}), scored back as {@code weight × value} by one
   * {@code distance_feature} named after its component.
   */
  private static Query asDate(String component, String field, double weight) {
    return dateFeature(field, ValueAsDate.ORIGIN, ValueAsDate.PIVOT_MILLIS, weight, component);
  }

  /** One constant score per bit of the {@link Rotation}, named {@code tiebreak:<bit>}. */
  private static List<Query> rotation(Instant now) {
    List<Query> bits = new ArrayList<>(Rotation.BITS);
    for (int bit = 0; bit < Rotation.BITS; bit++) {
      bits.add(
          constant(
              TIEBREAK + ":" + bit,
              OpportunityQueries.term("tiebreak_bits", Rotation.favoured(bit, now)),
              Rotation.points(bit)));
    }
    return bits;
  }

  private static Query constant(@Nullable String name, Query filter, double weight) {
    return Query.of(
        q -> q.constantScore(c -> c.filter(filter).boost((float) weight).queryName(name)));
  }

  /**
   * Closeness to the point, {@code half / (half + km)} times the weight: a {@code distance_feature}
   * clause, which Lucene can stop evaluating beyond the distance no competitive hit lies at.
   */
  private Query closeness(double lat, double lon, double weight, @Nullable String name) {
    return Query.of(
        q ->
            q.distanceFeature(
                d ->
                    d.geo(
                        g ->
                            g.field("location")
                                .origin(GeoLocation.of(o -> o.latlon(l -> l.lat(lat).lon(lon))))
                                .pivot(properties.distanceHalfKm() + "km")
                                .boost((float) weight)
                                .queryName(name))));
  }

  /** How recent the date is, {@code half / (half + age)} times the weight. */
  private static Query recency(String field, Instant now, double halfDays, double weight) {
    return dateFeature(
        field,
        now.truncatedTo(ChronoUnit.MILLIS),
        Math.round(halfDays * MILLIS_A_DAY),
        weight,
        "freshness");
  }

  /**
   * A {@code distance_feature} on a date field: {@code weight × pivot / (pivot + |date − origin|)}.
   */
  private static Query dateFeature(
      String field, Instant origin, long pivotMillis, double weight, @Nullable String name) {
    return Query.of(
        q ->
            q.distanceFeature(
                d ->
                    d.date(
                        date ->
                            date.field(field)
                                .origin(origin.toString())
                                .pivot(Time.of(p -> p.time(pivotMillis + "ms")))
                                .boost((float) weight)
                                .queryName(name))));
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

  private static Query json(String query) {
    return Query.of(q -> q.withJson(new StringReader(query)));
  }
}
