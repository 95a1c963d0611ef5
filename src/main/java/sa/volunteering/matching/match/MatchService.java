package sa.volunteering.matching.match;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.search.opportunities.HitReader;
import sa.volunteering.matching.search.opportunities.Language;
import sa.volunteering.matching.search.opportunities.OpportunityHit;
import sa.volunteering.matching.search.opportunities.OpportunityQuery;
import sa.volunteering.matching.search.opportunities.QueryParser;
import sa.volunteering.matching.search.opportunities.TypoCorrector;
import sa.volunteering.matching.search.stream.Cursor;
import sa.volunteering.matching.search.stream.PointInTimeStream;
import sa.volunteering.matching.search.stream.StreamEvent;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.taxonomy.Taxonomy;

/** Ranked lists both ways, one Elasticsearch request per page, every hit explained. */
@Service
class MatchService {

  static final String SORT = "match";

  /**
   * Totals are exact up to here and "at least" beyond: counting every eligible document exactly
   * keeps Elasticsearch from skipping the ones that cannot reach the page.
   */
  static final int TOTAL_COUNTED_UP_TO = 1_000;

  /** Elasticsearch adds scores in single precision: bounds are compared with this much to spare. */
  private static final double SCORE_MARGIN = 0.001;

  static final List<String> MATCH_SOURCE =
      Stream.concat(HitReader.SOURCE.stream(), OpportunityDoc.SOURCE.stream()).distinct().toList();

  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final PointInTimeStream streams;
  private final TypoCorrector corrector;
  private final MatchQueries queries;
  private final MatchScorer scorer;
  private final HitReader hits;
  private final Applicants applicants;
  private final CachedDocuments documents;
  private final Taxonomy taxonomy;
  private final String opportunities;
  private final String volunteers;
  private final PageAnswers answers;

  MatchService(
      ElasticsearchAsyncClient client,
      ElasticsearchLanes lanes,
      PointInTimeStream streams,
      TypoCorrector corrector,
      MatchQueries queries,
      MatchScorer scorer,
      HitReader hits,
      Applicants applicants,
      CachedDocuments documents,
      Taxonomy taxonomy,
      SearchIndexProperties indexes,
      PageAnswers answers) {
    this.client = client;
    this.lanes = lanes;
    this.streams = streams;
    this.corrector = corrector;
    this.queries = queries;
    this.scorer = scorer;
    this.hits = hits;
    this.applicants = applicants;
    this.documents = documents;
    this.taxonomy = taxonomy;
    this.opportunities = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
    this.answers = answers;
  }

  /**
   * The volunteer's document, from the instance's cache or read in real time, under the caller's
   * own id: a volunteer's token can fetch no other volunteer's document, whatever the path says; an
   * administrator reads the one named.
   */
  Mono<VolunteerDoc> volunteer(Actor actor, UUID id) {
    UUID readable = actor.isAdmin() ? id : Ownership.of(actor).volunteer();
    return document(volunteers, readable, VolunteerDoc.SOURCE)
        .map(VolunteerDoc::of)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Active volunteer profile", id)));
  }

  /**
   * The opportunity's document, from the instance's cache or read in real time, if the caller
   * manages its organization (administrators: any): 403 for another organization's, 404 when there
   * is none.
   */
  Mono<OpportunityDoc> managedOpportunity(Actor actor, UUID id) {
    return document(opportunities, id, OpportunityDoc.SOURCE)
        .map(OpportunityDoc::of)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Published opportunity", id)))
        .flatMap(
            opportunity ->
                actor.canManage(UUID.fromString(opportunity.organizationId()))
                    ? Mono.just(opportunity)
                    : Mono.error(
                        actor.denied(
                            "Only the organization that published this opportunity sees its candidates")));
  }

  /**
   * A page of the volunteer's matches, without what they applied to unless {@code includeApplied}
   * (then flagged).
   */
  Mono<Page<MatchHit>> matches(
      VolunteerDoc volunteer,
      OpportunityQuery refinement,
      QueryParser.Paging paging,
      boolean includeApplied,
      Language language) {
    Set<String> applied = appliedBy(volunteer);
    Set<String> leftOut = includeApplied ? Set.of() : applied;
    return answer(volunteer, refinement, leftOut, paging)
        .map(
            response -> page(response, paging, hit -> matchHit(volunteer, hit, applied, language)));
  }

  /** The opportunities the volunteer applied to (the most recent, as many as configured). */
  Set<String> appliedBy(VolunteerDoc volunteer) {
    return applicants.appliedBy(volunteer);
  }

  @SuppressWarnings("rawtypes")
  private Mono<SearchResponse<Map>> answer(
      VolunteerDoc volunteer,
      OpportunityQuery refinement,
      Set<String> leftOut,
      QueryParser.Paging paging) {
    Instant now = Instant.now();
    if (refinement.hasText()) {
      return send(matchesRequest(volunteer, refinement, leftOut, paging, now))
          .flatMap(
              response -> {
                OpportunityQuery corrected = TypoCorrector.correctedBy(refinement, response);
                return corrected == null
                    ? Mono.just(response)
                    : send(matchesRequest(volunteer, corrected, leftOut, paging, now));
              });
    }
    return scoredFirst(
        Direction.OPPORTUNITIES,
        pageRequest(
                opportunities,
                queries.opportunitiesFor(volunteer, refinement, leftOut, now),
                MATCH_SOURCE,
                paging)
            .build(),
        queries.opportunitiesScoredFirst(volunteer),
        paging);
  }

  /**
   * The page of the whole ranking query, asked first with its scoring clauses evaluated only for
   * the documents most likely to fill it, then for a broader set ({@link MatchQueries.ScoredFirst};
   * Lucene does not skip the others by itself: docs/ranking.md); the others still match, with no
   * score, so the total is the whole query's. An answer is the whole query's page when the page is
   * full and its lowest score is above the most any other document can score; when none is, the
   * whole query is sent. When an answer shows fewer eligible documents than {@link
   * #TOTAL_COUNTED_UP_TO} (counted exactly), the whole query is sent next: it scores no more
   * documents than a broader set would, and its page needs no proof.
   */
  @SuppressWarnings("rawtypes")
  private Mono<SearchResponse<Map>> scoredFirst(
      Direction direction,
      SearchRequest whole,
      List<MatchQueries.ScoredFirst> tiers,
      QueryParser.Paging paging) {
    return Mono.defer(() -> scoredFirst(direction, whole, tiers, 0, paging, System.nanoTime()));
  }

  @SuppressWarnings("rawtypes")
  private Mono<SearchResponse<Map>> scoredFirst(
      Direction direction,
      SearchRequest whole,
      List<MatchQueries.ScoredFirst> tiers,
      int tier,
      QueryParser.Paging paging,
      long started) {
    if (tier == tiers.size()) {
      return send(whole)
          .doOnNext(response -> answers.record(direction, PageAnswers.WHOLE, started));
    }
    MatchQueries.ScoredFirst set = tiers.get(tier);
    return send(restricted(whole, set.among()))
        .flatMap(
            response -> {
              if (answersTheWhole(response, paging, set.othersAtMost())) {
                answers.record(direction, PageAnswers.set(tier), started);
                return Mono.just(response);
              }
              int next = fewEligible(response) ? tiers.size() : tier + 1;
              return scoredFirst(direction, whole, tiers, next, paging, started);
            });
  }

  /**
   * The same request with the whole query's scoring clauses ({@code should}) evaluated only for the
   * documents {@code shared} lets through: their scores are the whole query's, every other document
   * still matches and scores what its other clauses (the text) give it.
   */
  private static SearchRequest restricted(SearchRequest whole, Query shared) {
    BoolQuery ranking = Objects.requireNonNull(whole.query(), "a ranking query").bool();
    return SearchRequest.of(
        s ->
            s.index(whole.index())
                .query(
                    q ->
                        q.bool(
                            b ->
                                b.must(ranking.must())
                                    .filter(ranking.filter())
                                    .mustNot(ranking.mustNot())
                                    .should(
                                        inner ->
                                            inner.bool(
                                                scored ->
                                                    scored
                                                        .filter(shared)
                                                        .should(ranking.should())))))
                .from(whole.from())
                .size(whole.size())
                .trackTotalHits(whole.trackTotalHits())
                .includeNamedQueriesScore(true)
                .source(whole.source()));
  }

  private static boolean fewEligible(SearchResponse<?> response) {
    TotalHits total = response.hits().total();
    return total != null
        && total.relation() == TotalHitsRelation.Eq
        && total.value() < TOTAL_COUNTED_UP_TO;
  }

  static boolean answersTheWhole(
      SearchResponse<?> response, QueryParser.Paging paging, double othersAtMost) {
    List<? extends Hit<?>> hits = response.hits().hits();
    Double lowest = hits.isEmpty() ? null : hits.getLast().score();
    return hits.size() == paging.size() && lowest != null && lowest > othersAtMost + SCORE_MARGIN;
  }

  /** A page of matches, asking for the corrections of the text along the way. */
  private SearchRequest matchesRequest(
      VolunteerDoc volunteer,
      OpportunityQuery refinement,
      Set<String> leftOut,
      QueryParser.Paging paging,
      Instant now) {
    SearchRequest.Builder request =
        pageRequest(
            opportunities,
            queries.opportunitiesFor(volunteer, refinement, leftOut, now),
            MATCH_SOURCE,
            paging);
    TypoCorrector.askAlong(request, refinement);
    return request.build();
  }

  Flux<StreamEvent> matchStream(
      VolunteerDoc volunteer,
      OpportunityQuery refinement,
      @Nullable Cursor after,
      int limit,
      boolean includeApplied,
      Language language) {
    Instant now = asOf(after);
    Set<String> applied = appliedBy(volunteer);
    return corrector
        .corrected(refinement)
        .flatMapMany(
            corrected ->
                streams.stream(
                    PointInTimeStream.Query.ranked(
                        opportunities,
                        queries.opportunitiesFor(
                            volunteer, corrected, includeApplied ? Set.of() : applied, now),
                        MatchQueries.BY_SCORE_THEN_ID,
                        SORT,
                        MATCH_SOURCE,
                        now),
                    after,
                    limit,
                    hit -> matchHit(volunteer, hit, applied, language)));
  }

  /**
   * A page of the opportunity's candidates, its applicants first when {@code applicantsFirst}
   * (ranked among themselves by the model), else flagged where they rank.
   */
  Mono<Page<CandidateCard>> candidates(
      OpportunityDoc opportunity,
      QueryParser.Paging paging,
      boolean applicantsFirst,
      Language language) {
    Instant now = Instant.now();
    UUID id = UUID.fromString(opportunity.id());
    return (applicantsFirst ? applicants.first(id) : Mono.just(Set.<String>of()))
        .flatMap(
            first ->
                scoredFirst(
                    Direction.CANDIDATES,
                    pageRequest(
                            volunteers,
                            queries.candidatesFor(opportunity, first, now),
                            VolunteerDoc.SOURCE,
                            paging)
                        .build(),
                    MatchQueries.withApplicants(queries.candidatesScoredFirst(opportunity), first),
                    paging))
        .map(response -> page(response, paging, hit -> card(opportunity, hit, language)));
  }

  Flux<StreamEvent> candidateStream(
      OpportunityDoc opportunity,
      @Nullable Cursor after,
      int limit,
      boolean applicantsFirst,
      Language language) {
    Instant now = asOf(after);
    UUID id = UUID.fromString(opportunity.id());
    return (applicantsFirst ? applicants.first(id) : Mono.just(Set.<String>of()))
        .flatMapMany(
            first ->
                streams.stream(
                    PointInTimeStream.Query.ranked(
                        volunteers,
                        queries.candidatesFor(opportunity, first, now),
                        MatchQueries.BY_SCORE_THEN_ID,
                        SORT,
                        VolunteerDoc.SOURCE,
                        now),
                    after,
                    limit,
                    hit -> card(opportunity, hit, language)));
  }

  /**
   * The time a stream scores with: a resumed stream's own (its cursor's), so that scores that decay
   * with time rank every hit where they ranked it before the break.
   */
  private static Instant asOf(@Nullable Cursor after) {
    Instant asOf = after == null ? null : after.asOf();
    return asOf == null ? Instant.now() : asOf;
  }

  private MatchHit matchHit(
      VolunteerDoc volunteer,
      Hit<Map<String, Object>> hit,
      Set<String> applied,
      Language language) {
    Map<String, Object> source = hit.source() == null ? Map.of() : hit.source();
    return matchHit(
        volunteer,
        source,
        scorer.explain(
            volunteer,
            OpportunityDoc.of(source),
            Direction.OPPORTUNITIES,
            clauses(hit),
            score(hit)),
        applied.contains(hit.id()),
        language);
  }

  /** An indexed opportunity as a match for the volunteer, with its explanation. */
  MatchHit matchHit(
      VolunteerDoc volunteer,
      Map<String, Object> source,
      Explanation explanation,
      boolean applied,
      Language language) {
    OpportunityHit opportunity =
        hits.read(
            source,
            null,
            null,
            volunteer.located()
                ? new OpportunityQuery.Point(volunteer.lat(), volunteer.lon())
                : null,
            language);
    return new MatchHit(opportunity, explanation.score(), explanation, applied);
  }

  private CandidateCard card(
      OpportunityDoc opportunity, Hit<Map<String, Object>> hit, Language language) {
    VolunteerDoc volunteer = VolunteerDoc.of(hit.source() == null ? Map.of() : hit.source());
    Map<String, Double> clauses = new HashMap<>(clauses(hit));
    Double lift = clauses.remove(MatchQueries.APPLICANT);
    double score = score(hit) - (lift == null ? 0 : lift);
    Explanation explanation =
        scorer.explain(volunteer, opportunity, Direction.CANDIDATES, clauses, score);
    return new CandidateCard(
        volunteer.id(),
        HitReader.label(taxonomy.cities(), volunteer.cityCode(), language),
        volunteer.skills().stream()
            .sorted()
            .map(code -> HitReader.label(taxonomy.skills(), code, language))
            .toList(),
        volunteer.fields().stream()
            .sorted()
            .map(code -> HitReader.label(taxonomy.fields(), code, language))
            .toList(),
        volunteer.languages().stream().sorted().toList(),
        volunteer.verifiedHours(),
        explanation.distanceKm(),
        volunteer.hasApplied(opportunity.id()),
        score,
        explanation);
  }

  private static double score(Hit<?> hit) {
    return hit.score() == null ? 0 : hit.score();
  }

  /** What each named clause of the ranking query scored for the hit. */
  private static Map<String, Double> clauses(Hit<?> hit) {
    return hit.matchedQueries() == null ? Map.of() : hit.matchedQueries();
  }

  /**
   * The request a first page of a volunteer's matches without text sends first: scored among the
   * opportunities it is scored first among.
   */
  SearchRequest matchesRequest(VolunteerDoc volunteer, OpportunityQuery refinement, int size) {
    return restricted(
        matchesRequest(
            volunteer, refinement, Set.of(), new QueryParser.Paging(0, size, 0), Instant.now()),
        queries.opportunitiesScoredFirst(volunteer).getFirst().among());
  }

  /**
   * The request a first page of an opportunity's candidates sends first: scored among the
   * volunteers it is scored first among.
   */
  SearchRequest candidatesRequest(OpportunityDoc opportunity, int size) {
    return restricted(
        pageRequest(
                volunteers,
                queries.candidatesFor(opportunity, Instant.now()),
                VolunteerDoc.SOURCE,
                new QueryParser.Paging(0, size, 0))
            .build(),
        queries.candidatesScoredFirst(opportunity).getFirst().among());
  }

  private static SearchRequest.Builder pageRequest(
      String index, Query query, List<String> source, QueryParser.Paging paging) {
    return new SearchRequest.Builder()
        .index(index)
        .query(query)
        .from(paging.from())
        .size(paging.size())
        .trackTotalHits(t -> t.count(TOTAL_COUNTED_UP_TO))
        .includeNamedQueriesScore(true)
        .source(src -> src.filter(f -> f.includes(source)));
  }

  @SuppressWarnings("rawtypes")
  private Mono<SearchResponse<Map>> send(SearchRequest request) {
    return lanes.search(() -> client.search(request, Map.class));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> Page<T> page(
      SearchResponse<Map> response,
      QueryParser.Paging paging,
      Function<Hit<Map<String, Object>>, T> read) {
    List<T> items = new ArrayList<>();
    for (Hit hit : response.hits().hits()) {
      items.add(read.apply((Hit<Map<String, Object>>) hit));
    }
    long total = response.hits().total() == null ? items.size() : response.hits().total().value();
    return new Page<>(items, paging.page(), paging.size(), total);
  }

  @SuppressWarnings("unchecked")
  private Mono<Map<String, Object>> document(String index, UUID id, List<String> source) {
    return documents.get(
        index,
        id.toString(),
        lanes
            .search(
                () ->
                    client.get(
                        g -> g.index(index).id(id.toString()).sourceIncludes(source), Map.class))
            .flatMap(
                response ->
                    response.found() && response.source() != null
                        ? Mono.just((Map<String, Object>) response.source())
                        : Mono.empty()));
  }
}
