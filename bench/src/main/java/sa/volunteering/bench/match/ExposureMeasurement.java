package sa.volunteering.bench.match;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.Report;
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
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Samples samples;
  private final AdminToken admin;

  ExposureMeasurement(Samples samples, AdminToken admin) {
    this.samples = samples;
    this.admin = admin;
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
    long volunteers = samples.activeVolunteers();
    String bearer = admin.bearer();
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("anywhere", count(bench, bearer, anywhere), volunteers));
    rows.add(
        row("in " + city, count(bench, bearer, samples.opportunitiesIn(city, wanted)), volunteers));
    return section
        .paragraph(
            "The first page ("
                + PAGE
                + ") of the candidates of up to "
                + wanted
                + " sampled open opportunities, asked one after the other through the service; each"
                + " volunteer's appearances counted. Anywhere, and in the city most of the sample is"
                + " in, where the same people compete for every list. The most shown 1 % is 1 % of the"
                + " volunteers who appear at all (decision 0028).")
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
