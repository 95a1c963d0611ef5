package sa.volunteering.matching.stats;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.system.web.PageRequest;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.Term;

/**
 * Answers indicator questions from the summaries: the public summary, and breakdowns for whom may
 * see them.
 */
@Service
public class StatsService {

  private static final Indicators NOTHING =
      new Indicators(0L, 0, BigDecimal.ZERO, 0, 0, 0, null, 0L, 0L, 0, 0);

  private final StatsRepository summaries;
  private final Taxonomy taxonomy;
  private final Answers answers;

  StatsService(StatsRepository summaries, Taxonomy taxonomy, Answers answers) {
    this.summaries = summaries;
    this.taxonomy = taxonomy;
    this.answers = answers;
  }

  public Mono<Summary> summary(Period period) {
    return answers.to(period, () -> computeSummary(period));
  }

  /** Not reused: for the live streams, which ask only after a fold changed something. */
  Mono<Summary> computeSummary(Period period) {
    return groups(Slice.PLATFORM, period, 0, 1)
        .zipWith(summaries.upToDate())
        .map(
            answer ->
                new Summary(
                    text(period.from()),
                    text(period.to()),
                    answer.getT1().groups().isEmpty()
                        ? NOTHING
                        : answer.getT1().groups().getFirst().indicators(),
                    answer.getT2()));
  }

  /**
   * Administrators see the whole platform, or one organization when they name it; a member of an
   * organization sees their own organization only; nobody else sees breakdowns.
   */
  public Mono<Breakdown> breakdown(
      Actor actor, Dimension by, @Nullable UUID organization, Period period, PageRequest page) {
    actor.requireOrganizationRole();
    UUID scope = organization;
    if (!actor.isAdmin()) {
      if (organization != null && !actor.isMemberOf(organization)) {
        throw actor.denied(
            "Members of an organization see the indicators of their own organization only");
      }
      scope = actor.organizationId();
    }
    UUID confined = scope;
    Slice slice = by.slice(confined);
    return answers.to(
        List.of(by, slice, period, page),
        () ->
            groups(slice, period, page.offset(), page.size())
                .flatMap(groups -> by == Dimension.ORGANIZATION ? named(groups) : Mono.just(groups))
                .zipWith(summaries.upToDate())
                .map(
                    answer ->
                        new Breakdown(
                            by.parameter(),
                            confined == null ? null : confined.toString(),
                            text(period.from()),
                            text(period.to()),
                            answer.getT1().groups(),
                            page.page(),
                            page.size(),
                            answer.getT1().total(),
                            answer.getT2())));
  }

  private record Page(List<Breakdown.Group> groups, long total) {}

  private Mono<Page> groups(Slice slice, Period period, long offset, int size) {
    return summaries
        .sums(slice, period, offset, size)
        .collectList()
        .flatMap(
            sums -> {
              if (sums.isEmpty()) {
                return Mono.just(new Page(List.of(), 0));
              }
              List<String> keys = sums.stream().map(StatsRepository.Sums::group).toList();
              boolean monthly = slice.byMonth() || period.singleMonth();
              Mono<Map<String, Long>> active =
                  monthly ? Mono.just(Map.of()) : summaries.activeVolunteers(slice, period, keys);
              Mono<Map<String, Long>> fields =
                  slice.countsFields()
                      ? summaries.fieldsInUse(slice, period, keys)
                      : Mono.just(Map.of());
              return Mono.zip(active, fields)
                  .map(
                      counts ->
                          new Page(
                              sums.stream()
                                  .map(
                                      sum ->
                                          group(
                                              slice,
                                              sum,
                                              monthly
                                                  ? sum.activeInMonths()
                                                  : counts.getT1().getOrDefault(sum.group(), 0L),
                                              counts.getT2().getOrDefault(sum.group(), 0L)))
                                  .toList(),
                              sums.getFirst().groups()));
            });
  }

  private Breakdown.Group group(Slice slice, StatsRepository.Sums sum, long active, long fields) {
    boolean registrations = slice.countsRegistrations();
    Indicators indicators =
        new Indicators(
            registrations ? sum.registeredVolunteers() : null,
            active,
            sum.verifiedHours(),
            sum.opportunitiesOffered(),
            sum.seatsOffered(),
            sum.seatsTaken(),
            Indicators.fillRate(sum.seatsTaken(), sum.seatsOffered()),
            registrations ? sum.organizations() : null,
            slice.countsFields() ? fields : null,
            sum.applications(),
            sum.acceptedApplications());
    String key = slice.byMonth() ? sum.group() : slice.groupKey(sum.group());
    Optional<? extends Term> term =
        switch (slice.dimension()) {
          case "field", "organization_field" -> taxonomy.fields().byCode(key);
          case "city", "organization_city" -> taxonomy.cities().byCode(key);
          case "region", "organization_region" -> taxonomy.regions().byCode(key);
          default -> Optional.empty();
        };
    return new Breakdown.Group(
        key, term.map(Term::ar).orElse(null), term.map(Term::en).orElse(null), indicators);
  }

  private Mono<Page> named(Page page) {
    List<UUID> ids = page.groups().stream().map(group -> UUID.fromString(group.key())).toList();
    return summaries
        .organizationNames(ids)
        .map(
            names ->
                new Page(
                    page.groups().stream()
                        .map(
                            group -> {
                              List<String> name = names.getOrDefault(group.key(), List.of());
                              return name.isEmpty()
                                  ? group
                                  : new Breakdown.Group(
                                      group.key(), name.get(0), name.get(1), group.indicators());
                            })
                        .toList(),
                    page.total()));
  }

  private static @Nullable String text(@Nullable YearMonth month) {
    return month == null ? null : month.toString();
  }
}
