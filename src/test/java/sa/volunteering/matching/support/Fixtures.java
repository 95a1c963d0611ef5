package sa.volunteering.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the platform's objects through the API, as its users would. */
public final class Fixtures {

  private final Api api;

  public Fixtures(Api api) {
    this.api = api;
  }

  public UUID organization() {
    Api.Response created =
        api.post(
            "/api/organizations",
            Tokens.admin(),
            organizationBody("جمعية البر الخيرية", "Al Birr Charity"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.id());
  }

  public static Map<String, Object> organizationBody(String nameAr, String nameEn) {
    return Map.of(
        "nameAr",
        nameAr,
        "nameEn",
        nameEn,
        "cityCode",
        "riyadh",
        "kind",
        "nonprofit",
        "verified",
        true);
  }

  public UUID draft(UUID organization, int seats) {
    Api.Response created =
        api.post(
            "/api/organizations/" + organization + "/opportunities",
            Tokens.member(organization),
            opportunityBody(seats));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.id());
  }

  public UUID published(UUID organization, int seats) {
    UUID id = draft(organization, seats);
    Api.Response published =
        api.post("/api/opportunities/" + id + "/publish", Tokens.member(organization), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    return id;
  }

  public static Map<String, Object> opportunityBody(int seats) {
    Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("titleAr", "تنظيم المتطوعين في معرض الكتاب");
    body.put("titleEn", "Organizing volunteers at the book fair");
    body.put("descriptionAr", "استقبال الزوار وإرشادهم وتنظيم الحشود في معرض الرياض الدولي للكتاب");
    body.put("fieldCode", "events");
    body.put("cityCode", "riyadh");
    body.put("lat", 24.7136);
    body.put("lon", 46.6753);
    body.put("mode", "on_site");
    body.put("startsAt", start.toString());
    body.put("endsAt", start.plus(5, ChronoUnit.DAYS).toString());
    body.put("hours", 20);
    body.put("seats", seats);
    body.put(
        "requiredSkills",
        List.of(
            Map.of("code", "crowd_management", "weight", 1.0),
            Map.of("code", "event_organization", "weight", 0.5)));
    return body;
  }

  /**
   * Waits until the volunteer's matches answer: matching reads the volunteer's document from the
   * index, which the outbox writes a moment after the registration.
   */
  public void awaitIndexed(UUID volunteer) {
    await("the volunteer indexed")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                api.get("/api/volunteers/" + volunteer + "/matches", Tokens.volunteer(volunteer))
                        .status()
                    != 404);
  }

  /** Registers a new volunteer; returns its id (the subject of its tokens). */
  public UUID volunteer() {
    UUID id = UUID.randomUUID();
    Api.Response created =
        api.post("/api/volunteers", Tokens.volunteer(id), registrationBody(nationalId()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  /** Registers a new volunteer with these skills and fields, and otherwise the usual profile. */
  public UUID volunteer(List<String> skills, List<String> fields) {
    UUID id = UUID.randomUUID();
    Map<String, Object> profile = new LinkedHashMap<>(profileBody(null));
    profile.put("skillCodes", skills);
    profile.put("fieldCodes", fields);
    Api.Response created =
        api.post(
            "/api/volunteers",
            Tokens.volunteer(id),
            Map.of("nationalId", nationalId(), "profile", profile));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  public static Map<String, Object> registrationBody(String nationalId) {
    return Map.of("nationalId", nationalId, "profile", profileBody(null));
  }

  public static Map<String, Object> profileBody(Long version) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("fullName", "سارة محمد العتيبي");
    profile.put("phone", "0551234567");
    profile.put("email", "sara@example.org");
    profile.put("cityCode", "riyadh");
    profile.put("lat", 24.70);
    profile.put("lon", 46.70);
    profile.put("skillCodes", List.of("crowd_management", "first_aid"));
    profile.put("fieldCodes", List.of("events", "health"));
    profile.put("languages", List.of("ar", "en"));
    profile.put("weekdays", List.of("thu", "fri", "sat"));
    profile.put("travelKm", 30);
    profile.put("remoteOk", true);
    profile.put("gender", "female");
    profile.put("birthDate", "1998-04-12");
    if (version != null) {
      profile.put("version", version);
    }
    return profile;
  }

  /** A random, well-formed Saudi national ID (10 digits, starting with 1). */
  public static String nationalId() {
    return "1" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
  }

  public UUID application(UUID volunteer, UUID opportunity) {
    Api.Response applied =
        api.post(
            "/api/opportunities/" + opportunity + "/applications",
            Tokens.volunteer(volunteer),
            Map.of("motivation", "أحب خدمة الزوار"));
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    return UUID.fromString(applied.id());
  }

  public void accept(UUID organization, UUID application) {
    Api.Response accepted =
        api.post("/api/applications/" + application + "/accept", Tokens.member(organization), null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
  }

  public UUID hours(UUID organization, UUID application) {
    Api.Response logged =
        api.post(
            "/api/applications/" + application + "/hours",
            Tokens.member(organization),
            Map.of(
                "workedOn",
                java.time.LocalDate.now().toString(),
                "hours",
                4.5,
                "note",
                "استقبال الزوار"));
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    return UUID.fromString(logged.id());
  }
}
