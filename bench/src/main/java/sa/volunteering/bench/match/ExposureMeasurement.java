package sa.volunteering.bench.match;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final Duration SETTLE_WITHIN = Duration.ofMinutes(20);
  private static final double QUIET = 0.15;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Samples samples;
  private final AdminToken admin;
  private final ExposureFold fold;
  private final BackgroundWork background;

  ExposureMeasurement(
      Samples samples, AdminToken admin, ExposureFold fold, BackgroundWork background) {
    this.samples = samples;
    this.admin = admin;
    this.fold = fold;
    this.background = background;
  }

  /** Folding the lists it asked for rebuilds the documents of the volunteers they moved. */
  @Override
  public Set<String> ownWork() {
    return Set.of("outbox");
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
    Lists anywhereBefore = count(bench, bearer, anywhere);
    Lists inCityBefore = count(bench, bearer, inCity);
    long started = System.nanoTime();
    long[] folded = foldEverything();
    BackgroundWork.Settling settling =
        background.awaitSettled(bench.http(), bench.elasticsearch(), SETTLE_WITHIN, QUIET);
    double foldSeconds = (System.nanoTime() - started) / 1e9;
    Lists anywhereAfter = count(bench, bearer, anywhere);
    Lists inCityAfter = count(bench, bearer, inCity);
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("anywhere, before the fold", anywhereBefore, volunteers));
    rows.add(row("anywhere, after", anywhereAfter, volunteers));
    rows.add(row("in " + city + ", before the fold", inCityBefore, volunteers));
    rows.add(row("in " + city + ", after", inCityAfter, volunteers));
    return section
        .paragraph(
            "The first page ("
                + PAGE
                + ") of the candidates of up to "
                + wanted
                + " sampled open opportunities, asked one after the other through the service; each"
                + " volunteer's appearances counted. Anywhere, and in the city most of the sample is"
                + " in, where the same people compete for every list. The most shown 1 % is 1 % of the"
                + " volunteers who appear at all (decision 0028). Then the exposure control folds"
                + " every impression not yet folded (those lists' among them) into the volunteers'"
                + " counts and their documents are rebuilt (decision 0033), and the same lists are"
                + " asked again.")
        .paragraph(
            String.format(
                Locale.ROOT,
                "The fold read %d impressions and announced %d volunteers; with their documents"
                    + " rebuilt the stack %s after %.0f s.",
                folded[0],
                folded[1],
                settling.settled() ? "settled" : "had not settled",
                foldSeconds))
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

  /** Folds until nothing is left to fold: impressions read, volunteers announced. */
  private long[] foldEverything() {
    long[] total = new long[2];
    CommandLine.await(
        fold.fold()
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
