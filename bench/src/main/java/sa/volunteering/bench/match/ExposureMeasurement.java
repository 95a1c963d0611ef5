package sa.volunteering.bench.match;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.BackgroundWork;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.Report;
import sa.volunteering.matching.exposure.ExposureFold;
import sa.volunteering.matching.impressions.ImpressionLog;
import sa.volunteering.tools.CommandLine;
import sa.volunteering.tools.behaviour.Concentration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who organizations are shown: the first page of candidates (20) of sampled open opportunities, and
 * how the appearances spread over the volunteers ({@link Concentration}). Issue 24's aim: the most
 * shown 1 % hold at most 5 % of the appearances.
 */
@Component
class ExposureMeasurement implements Measurement {

  static final int PAGE = 20;
  static final double AIM = 0.05;
  static final int FOLDS = 2;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Samples samples;
  private final AdminToken admin;
  private final ImpressionLog impressions;
  private final ExposureFold fold;
  private final BackgroundWork background;

  ExposureMeasurement(
      Samples samples,
      AdminToken admin,
      ImpressionLog impressions,
      ExposureFold fold,
      BackgroundWork background) {
    this.samples = samples;
    this.admin = admin;
    this.impressions = impressions;
    this.fold = fold;
    this.background = background;
  }

  /**
   * Forgetting and folding the counts rebuilds the documents of the volunteers they moved, and
   * PostgreSQL vacuums the tables they wrote; the lists are asked only once all of it is done.
   */
  @Override
  public Set<String> ownWork() {
    return Set.of("outbox", "PostgreSQL");
  }

  @Override
  public int order() {
    return 33;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    Report.Section section =
        new Report.Section("Exposure: who is shown among opportunities' candidates");
    int wanted = bench.scale().exposureOpportunities();
    List<Samples.Sample> anywhere = samples.opportunities(wanted);
    if (anywhere.isEmpty()) {
      return section.paragraph("Nothing to measure: no open opportunity.");
    }
    String city = busiest(anywhere);
    List<Samples.Sample> inCity = samples.opportunitiesIn(city, wanted);
    long volunteers = samples.activeVolunteers();
    String bearer = admin.bearer();
    long forgotten = Objects.requireNonNull(CommandLine.await(fold.forget()));
    List<String> waits = new ArrayList<>();
    waits.add(settle(bench, "after forgetting " + forgotten + " volunteers' counts"));
    List<List<String>> anywhereRows = new ArrayList<>();
    List<List<String>> inCityRows = new ArrayList<>();
    for (int round = 0; round <= FOLDS; round++) {
      if (round > 0) {
        long[] folded = foldEverything();
        waits.add(
            settle(
                bench,
                "after fold "
                    + round
                    + " ("
                    + folded[0]
                    + " impressions read, "
                    + folded[1]
                    + " volunteers announced)"));
      }
      String when = round == 0 ? "without the control" : "after fold " + round;
      anywhereRows.add(row("anywhere, " + when, count(bench, bearer, anywhere), volunteers));
      inCityRows.add(row("in " + city + ", " + when, count(bench, bearer, inCity), volunteers));
    }
    List<List<String>> rows = new ArrayList<>(anywhereRows);
    rows.addAll(inCityRows);
    return section
        .paragraph(
            "The first page ("
                + PAGE
                + ") of the candidates of up to "
                + wanted
                + " sampled open opportunities, asked one after the other through the service; each"
                + " volunteer's appearances counted. Anywhere, and in the city most of the sample is"
                + " in, where the same people compete for every list. The most shown 1 % is 1 % of the"
                + " volunteers who appear at all (decision 0028). First every volunteer's count is"
                + " forgotten, so the first lists are ranked as without the control (the same"
                + " exposure for everyone); then, "
                + FOLDS
                + " times, the exposure control folds the impressions of the lists just asked into"
                + " the volunteers' counts, their documents are rebuilt (decision 0033), and the same"
                + " lists are asked again, as if each organization looked at its candidates once"
                + " more.")
        .paragraph("The stack " + String.join("; ", waits) + ".")
        .table(
            List.of(
                "opportunities",
                "lists",
                "with no candidate",
                "appearances",
                "distinct volunteers shown",
                "share of the most shown 1 %",
                "Gini of appearances",
                "lists the most shown volunteer is in"),
            rows);
  }

  /** Waits for the documents to be rebuilt; says how long it took. */
  private String settle(Bench bench, String after) throws Exception {
    BackgroundWork.Settling settling =
        background.awaitSettled(
            bench.http(), bench.elasticsearch(), bench.scale().patience(), BackgroundWork.QUIET);
    if (!settling.settled()) {
      throw new IllegalStateException(
          "the stack had not settled " + after + ": " + String.join("; ", settling.seen()));
    }
    return "settled " + settling.waited().toSeconds() + " s " + after;
  }

  /**
   * Writes the impressions still queued, then folds until nothing is left to fold: impressions
   * read, volunteers announced.
   */
  private long[] foldEverything() {
    long[] total = new long[2];
    CommandLine.await(
        impressions
            .flush()
            .then(fold.fold())
            .expand(folded -> folded.impressions() > 0 ? fold.fold() : Mono.empty())
            .doOnNext(
                folded -> {
                  total[0] += folded.impressions();
                  total[1] += folded.announced();
                })
            .then());
    return total;
  }

  /** Appearances per volunteer over the candidate lists of these opportunities. */
  private Lists count(Bench bench, String bearer, List<Samples.Sample> places) throws Exception {
    Map<String, Integer> shown = new HashMap<>();
    int empty = 0;
    for (Samples.Sample place : places) {
      HttpResponse<String> response =
          bench
              .http()
              .send(
                  Http.get(
                      bench.service()
                          + "/api/opportunities/"
                          + place.id()
                          + "/candidates?size="
                          + PAGE,
                      bearer),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "candidates of " + place.id() + " answered " + response.statusCode());
      }
      JsonNode items = JSON.readTree(response.body()).path("items");
      if (items.isEmpty()) {
        empty++;
      }
      items.forEach(item -> shown.merge(item.path("volunteerId").asString(), 1, Integer::sum));
    }
    return new Lists(places.size(), empty, Concentration.of(shown.values()));
  }

  private record Lists(int lists, int empty, Concentration concentration) {}

  private static List<String> row(String where, Lists lists, long volunteers) {
    Concentration concentration = lists.concentration();
    return List.of(
        where,
        String.valueOf(lists.lists()),
        String.valueOf(lists.empty()),
        String.valueOf(concentration.appearances()),
        concentration.distinct()
            + " ("
            + Report.number(100.0 * concentration.distinct() / Math.max(1, volunteers))
            + " % of "
            + volunteers
            + ")",
        String.format(
            Locale.ROOT,
            "**%.2f %%** (aim ≤ %.0f %%, %s)",
            100 * concentration.topPercentShare(),
            100 * AIM,
            concentration.topPercentShare() <= AIM ? "met" : "missed"),
        String.format(Locale.ROOT, "%.3f", concentration.gini()),
        String.valueOf(concentration.mostShown()));
  }

  private static String busiest(List<Samples.Sample> places) {
    Map<String, Integer> byCity = new HashMap<>();
    places.forEach(place -> byCity.merge(place.city(), 1, Integer::sum));
    return byCity.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
