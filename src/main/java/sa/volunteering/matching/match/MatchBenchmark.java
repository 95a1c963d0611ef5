package sa.volunteering.matching.match;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.security.TokenIssuer;
import sa.volunteering.matching.system.CommandLine;
import sa.volunteering.matching.system.bench.Bench;
import sa.volunteering.matching.system.bench.BenchmarkCommands;
import sa.volunteering.matching.system.bench.Load;
import sa.volunteering.matching.system.bench.Measurement;
import sa.volunteering.matching.system.bench.OpenLoad;
import sa.volunteering.matching.system.bench.Report;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench-match}: matches and candidates through the service against a plain filtered search sent
 * straight to Elasticsearch on the same index, same client, same concurrency; and the time from publishing
 * an opportunity to the live event. Runs in the service's own process, on the command's main thread and the
 * load runner's threads (it waits with sleeps and blocking calls there), never on a Reactor thread.
 */
@Component
class MatchBenchmark implements Measurement {

  private final JsonMapper json;
  private final TokenIssuer tokens;
  private final MeterRegistry meters;
  private final String opportunities;
  private final String volunteers;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  MatchBenchmark(JsonMapper json, TokenIssuer tokens, SearchIndexProperties indexes, MeterRegistry meters) {
    this.json = json;
    this.tokens = tokens;
    this.meters = meters;
    this.opportunities = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
  }

  private static final int SAMPLES = 300;

  /** A sampled document: its id and city. */
  record Sample(String id, String city) {}

  List<String> run(String service, String elasticsearch, int concurrency, int requests, int publications) throws Exception {
    CommandLine.requireBlockingThread();
    String admin = tokens.admin("bench-admin", BenchmarkCommands.TOKEN_LIFETIME).bearer();
    List<Sample> people = sample(elasticsearch, volunteers, "{\"term\":{\"active\":true}}", requests);
    List<Sample> places = sample(elasticsearch, opportunities, "{\"bool\":{\"filter\":[{\"term\":{\"status\":\"published\"}},"
        + "{\"range\":{\"seats_left\":{\"gt\":0}}}]}}", requests);
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "index sizes: %,d opportunities, %,d volunteers", count(elasticsearch, opportunities), count(elasticsearch, volunteers)));
    List<Sample> warmPeople = people.subList(0, Math.min(100, people.size()));
    List<Sample> warmPlaces = places.subList(0, Math.min(100, places.size()));
    Load.run(http, "matches", warmPeople, concurrency, s -> BenchmarkCommands.get(service + "/api/volunteers/" + s.id() + "/matches", admin));
    Load.run(http, "candidates", warmPlaces, concurrency, s -> BenchmarkCommands.get(service + "/api/opportunities/" + s.id() + "/candidates", admin));
    Load.run(http, "plain", warmPeople, concurrency, s -> plain(elasticsearch, opportunities, s));

    Load.Latencies matches = Load.run(http, "matches", people, concurrency, s -> BenchmarkCommands.get(service + "/api/volunteers/" + s.id() + "/matches", admin));
    Load.Latencies plainOpportunities = Load.run(http, "plain opportunities", people, concurrency, s -> plain(elasticsearch, opportunities, s));
    Load.Latencies candidates = Load.run(http, "candidates", places, concurrency,
        s -> BenchmarkCommands.get(service + "/api/opportunities/" + s.id() + "/candidates", admin));
    Load.Latencies plainVolunteers = Load.run(http, "plain volunteers", places, concurrency, s -> plain(elasticsearch, volunteers, s));
    report.add(String.format(Locale.ROOT, "%d requests each at concurrency %d (page of 20)", requests, concurrency));
    for (Load.Latencies latencies : List.of(matches, plainOpportunities, candidates, plainVolunteers)) {
      report.add(String.format(Locale.ROOT, "  %-20s p50 %7.1f ms, p99 %7.1f ms, %5.0f req/s", latencies.side(), latencies.percentile(50),
          latencies.percentile(99), latencies.throughput()));
    }
    report.add(String.format(Locale.ROOT, "  matches / plain filtered search on opportunities: p50 %.2f, p99 %.2f",
        matches.percentile(50) / plainOpportunities.percentile(50), matches.percentile(99) / plainOpportunities.percentile(99)));
    report.add(String.format(Locale.ROOT, "  candidates / plain filtered search on volunteers: p50 %.2f, p99 %.2f",
        candidates.percentile(50) / plainVolunteers.percentile(50), candidates.percentile(99) / plainVolunteers.percentile(99)));
    report.add(live(service, admin, publications));
    return report;
  }

  @Override
  public int order() {
    return 30;
  }

  /** For the suite: matches and candidates at a constant rate, each against a plain filtered search on the same index. */
  @Override
  public Report.Section measure(Bench bench) throws Exception {
    String admin = tokens.admin("bench-admin", BenchmarkCommands.TOKEN_LIFETIME).bearer();
    List<Sample> people = sample(bench.elasticsearch(), volunteers, "{\"term\":{\"active\":true}}", SAMPLES);
    List<Sample> places = sample(bench.elasticsearch(), opportunities, "{\"bool\":{\"filter\":[{\"term\":{\"status\":\"published\"}},"
        + "{\"range\":{\"seats_left\":{\"gt\":0}}}]}}", SAMPLES);
    Report.Section section = new Report.Section("Matches and candidates vs a plain filtered search");
    if (people.isEmpty() || places.isEmpty()) {
      return section.paragraph("Nothing to measure: the indexes hold no active volunteer or no open opportunity.");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(compare(bench, "a volunteer's matches", people.stream().map(s -> BenchmarkCommands.get(bench.service() + "/api/volunteers/"
        + s.id() + "/matches", admin)).toList(), people.stream().map(s -> plain(bench.elasticsearch(), opportunities, s)).toList()));
    rows.add(compare(bench, "an opportunity's candidates", places.stream().map(s -> BenchmarkCommands.get(bench.service()
        + "/api/opportunities/" + s.id() + "/candidates", admin)).toList(), places.stream().map(s -> plain(bench.elasticsearch(), volunteers, s)).toList()));
    return section
        .paragraph(String.format(Locale.ROOT, "%,d opportunities and %,d volunteers indexed; %d volunteers and %d opportunities sampled."
            + " Each side at %s requests a second for %d s. The plain search: 20 documents of the sample's city through filters only, on"
            + " the same index.", count(bench.elasticsearch(), opportunities), count(bench.elasticsearch(), volunteers), people.size(), places.size(),
            Report.number(bench.scale().matchRate()), bench.scale().perRate().toSeconds()))
        .table(List.of("what", "service p50 / p99 (ms)", "plain search p50 / p99 (ms)", "service / plain p50", "service / plain p99"), rows);
  }

  private List<String> compare(Bench bench, String what, List<HttpRequest> service, List<HttpRequest> plain) {
    double rate = bench.scale().matchRate();
    OpenLoad.run(bench.http(), "warm-up", service, rate, bench.scale().warmUp(), 64);
    OpenLoad.run(bench.http(), "warm-up", plain, rate, bench.scale().warmUp(), 64);
    OpenLoad.Result ours = OpenLoad.run(bench.http(), what, service, rate, bench.scale().perRate(), 64);
    OpenLoad.Result yardstick = OpenLoad.run(bench.http(), "plain", plain, rate, bench.scale().perRate(), 64);
    return List.of(what, Report.number(ours.millis(50)) + " / " + Report.number(ours.millis(99)),
        Report.number(yardstick.millis(50)) + " / " + Report.number(yardstick.millis(99)),
        Report.against(ours.millis(50) / yardstick.millis(50), 2.0, true), Report.against(ours.millis(99) / yardstick.millis(99), 2.0, true));
  }

  /** Registers a volunteer, follows their live matches, publishes matching opportunities; the time from each publish call to its event. */
  private String live(String service, String admin, int publications) throws Exception {
    UUID volunteer = UUID.randomUUID();
    String asVolunteer = tokens.volunteer(volunteer, BenchmarkCommands.TOKEN_LIFETIME).bearer();
    String profile = """
        {"nationalId":"1%09d","profile":{"fullName":"متطوعة القياس","phone":"0551234567","email":"bench@example.org","cityCode":"riyadh",
        "lat":24.70,"lon":46.70,"skillCodes":["crowd_management","first_aid"],"fieldCodes":["events"],"languages":["ar","en"],
        "weekdays":["fri"],"travelKm":30,"remoteOk":true,"gender":"female","birthDate":"1998-04-12"}}"""
        .formatted(Math.floorMod(volunteer.getLeastSignificantBits(), 1_000_000_000L));
    expect(post(service + "/api/volunteers", asVolunteer, profile), 201);
    JsonNode organization = json.readTree(expect(post(service + "/api/organizations", admin,
        "{\"nameAr\":\"جمعية القياس\",\"nameEn\":\"Benchmark society\",\"cityCode\":\"riyadh\",\"kind\":\"nonprofit\",\"verified\":true}"), 201));
    String member = tokens.member("bench-member", UUID.fromString(organization.path("id").asString()), BenchmarkCommands.TOKEN_LIFETIME).bearer();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (http.send(BenchmarkCommands.get(service + "/api/volunteers/" + volunteer + "/matches", asVolunteer), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the benchmark's volunteer was not indexed within 30 s");
      }
      CommandLine.pause(Duration.ofMillis(100));
    }
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    var stream = http.sendAsync(HttpRequest.newBuilder(URI.create(service + "/api/volunteers/" + volunteer + "/matches/live"))
        .header("Authorization", asVolunteer).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
    stream.thenAccept(response -> response.body().filter(line -> line.startsWith("id: ")).forEach(line -> events.add(line.substring(4).strip())));
    awaitFollower();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < publications; i++) {
      Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      String body = """
          {"titleAr":"تنظيم الحشود في الفعالية %d","titleEn":"Crowd management at event %d","descriptionAr":"تنظيم دخول الزوار وخروجهم بأمان",
          "fieldCode":"events","cityCode":"riyadh","lat":24.7136,"lon":46.6753,"mode":"on_site","startsAt":"%s","endsAt":"%s","hours":10,
          "seats":10,"gender":"any","requiredSkills":[{"code":"crowd_management","weight":1.0}]}""".formatted(i, i, start, start.plus(1, ChronoUnit.DAYS));
      String id = json.readTree(expect(post(service + "/api/organizations/" + organization.path("id").asString() + "/opportunities", member, body), 201))
          .path("id").asString();
      long sent = System.nanoTime();
      expect(post(service + "/api/opportunities/" + id + "/publish", member, ""), 200);
      for (String event = events.poll(30, TimeUnit.SECONDS); ; event = events.poll(30, TimeUnit.SECONDS)) {
        if (event == null) {
          throw new IllegalStateException("no live event within 30 s of publishing " + id);
        }
        if (event.equals(id)) {
          millis.add((System.nanoTime() - sent) / 1e6);
          break;
        }
      }
    }
    stream.cancel(true);
    Collections.sort(millis);
    return String.format(Locale.ROOT, "live: publish call to event at the follower, %d publications: median %.0f ms, slowest %.0f ms (%s)",
        publications, millis.get(millis.size() / 2), millis.get(millis.size() - 1),
        String.join(", ", millis.stream().map(value -> String.format(Locale.ROOT, "%.0f", value)).toList()));
  }

  /** Until the live stream is subscribed on the server: publishing before would time nothing. */
  private void awaitFollower() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (meters.get("matching.live.followers").gauge().value() < 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the benchmark's live stream was not followed within 10 s");
      }
      CommandLine.pause(Duration.ofMillis(10));
    }
  }

  private List<Sample> sample(String elasticsearch, String index, String filter, int size) throws Exception {
    String body = "{\"size\":" + size + ",\"_source\":[\"id\",\"city_code\"],\"query\":{\"function_score\":{\"query\":" + filter
        + ",\"random_score\":{\"seed\":7,\"field\":\"_seq_no\"}}}}";
    JsonNode hits = json.readTree(http.send(post(elasticsearch + "/" + index + "/_search", null, body), HttpResponse.BodyHandlers.ofString()).body())
        .path("hits").path("hits");
    List<Sample> samples = new ArrayList<>();
    hits.forEach(hit -> samples.add(new Sample(hit.path("_source").path("id").asString(), hit.path("_source").path("city_code").asString())));
    return samples;
  }

  private long count(String elasticsearch, String index) throws Exception {
    return json.readTree(http.send(BenchmarkCommands.get(elasticsearch + "/" + index + "/_count", null), HttpResponse.BodyHandlers.ofString()).body()).path("count").asLong();
  }

  /** The yardstick: 20 documents of the sample's city through filters only, the simplest search on the same index. */
  private HttpRequest plain(String elasticsearch, String index, Sample sample) {
    String filters = index.equals(opportunities)
        ? "{\"term\":{\"status\":\"published\"}},{\"range\":{\"seats_left\":{\"gt\":0}}}"
        : "{\"term\":{\"active\":true}}";
    return post(elasticsearch + "/" + index + "/_search", null, "{\"size\":20,\"track_total_hits\":true,\"query\":{\"bool\":{\"filter\":["
        + filters + ",{\"term\":{\"city_code\":\"" + sample.city() + "\"}}]}}}");
  }


  private HttpRequest post(String url, @org.jspecify.annotations.Nullable String authorization, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  private String expect(HttpRequest request, int status) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
