package sa.volunteering.matching.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Browser;
import sa.volunteering.matching.support.CuttingRelay;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web page in a real headless Chromium, through a relay that can drop a stream mid-response:
 * Arabic search with diacritics streaming in, infinite scroll that resumes after a dropped
 * connection without a duplicate, facets, suggestions, the English switch, a demo volunteer's
 * explained and live matches, an organization's masked candidates and applicants; and not one
 * request to anywhere but the service. Screenshots land in target/screenshots.
 */
@IntegrationTest
@TestPropertySource(properties = "app.demo.sign-in=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String QUERY = "تَرْمِيم المَساجِد";
  private static final int RIYADH = 40;
  private static final int JEDDAH = 20;
  private static final int PAGE = 20;

  /** Markup in an organization's text must reach the page as text. */
  private static final String MARKUP =
      "<img src=x onerror=\"document.body.dataset.injected=1\"><b>عاجل</b>";

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * The browser's own pages and inline data: nothing that leaves the machine (its start page is
   * chrome://new-tab-page).
   */
  private static final java.util.regex.Pattern LOCAL_SCHEMES =
      java.util.regex.Pattern.compile("(chrome|chrome-untrusted|about|data|blob):");

  @LocalServerPort int port;

  @Autowired OutboxIndexer indexer;

  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  private Api api;
  private CuttingRelay relay;
  private Browser browser;
  private UUID organization;
  private UUID volunteer;
  private UUID applied;
  private final List<UUID> published = new java.util.ArrayList<>();

  @BeforeAll
  void world() throws Exception {
    api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    organization = fixtures.organization();
    for (int i = 0; i < RIYADH + JEDDAH; i++) {
      UUID id = publish(firstAid(i, i < RIYADH ? "riyadh" : "jeddah"));
      if (i == 0) {
        applied = id;
      }
    }
    volunteer = fixtures.volunteer();
    fixtures.application(volunteer, applied);
    indexer.drain().block(Duration.ofSeconds(60));
    until(
        () -> total() == RIYADH + JEDDAH,
        () -> "the opportunities are searchable (" + total() + " found)");
    relay = new CuttingRelay(port);
    browser = new Browser("ar");
  }

  /**
   * Closes this test's opportunities, so that the tests after it in the same index find none of
   * them.
   */
  @AfterAll
  void close() throws Exception {
    for (UUID id : published) {
      api.post("/api/opportunities/" + id + "/close", Tokens.member(organization), null);
    }
    indexer.drain().block(Duration.ofSeconds(60));
    if (browser != null) {
      browser.close();
    }
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  @Order(1)
  void
      anArabicQueryWithDiacriticsStreamsInAndScrollingOnResumesAfterADroppedStreamWithoutADuplicate()
          throws Exception {
    open("#/search?organization=" + organization);
    WebElement box = searchBox();
    box.sendKeys(QUERY, Keys.ENTER);
    until(
        () -> currentHash().contains("q=") && cards().size() == PAGE && status().contains("60"),
        "the first page streams in");
    assertThat(script("return document.documentElement.dir + ' ' + document.documentElement.lang"))
        .isEqualTo("rtl ar");
    assertThat(searchBox().getAttribute("dir")).isEqualTo("auto");
    List<String> marked = texts("[data-test=results] mark");
    assertThat(marked)
        .as("highlights mark the query's words")
        .isNotEmpty()
        .allMatch(text -> text.contains("رميم") || text.contains("ساجد"));
    assertThat(texts("[data-test=results] .card .meta"))
        .allMatch(meta -> meta.contains("جمعية البر الخيرية"));
    browser.screenshot("search-arabic");

    relay.cutNext("after=", 5);
    script("document.querySelector('.sentinel').scrollIntoView()");
    int expected = PAGE + 5 + PAGE;
    until(
        () ->
            cards().size() >= expected
                && !status().isEmpty()
                && !"reconnecting".equals(statusState()),
        () ->
            "the next page resumes after the cut: "
                + cards().size()
                + " shown, status "
                + status()
                + " ("
                + statusState()
                + "), "
                + relay.cuts()
                + " cut, requests "
                + relay.requests.stream()
                    .filter(head -> head.contains("after="))
                    .map(
                        head ->
                            head.lines()
                                .filter(
                                    line ->
                                        line.startsWith("GET") || line.startsWith("Last-Event-ID"))
                                .toList())
                    .toList());
    assertThat(relay.cuts()).as("the second page's stream was dropped").isEqualTo(1);

    List<String> shown = ids();
    assertThat(new HashSet<>(shown)).as("no opportunity twice").hasSize(shown.size());
    assertThat(shown).isEqualTo(streamedIds(expected));
    String lastBeforeCut = cursorOf(PAGE + 5);
    assertThat(relay.requests)
        .as("the browser resumed with the last event it had")
        .anyMatch(
            head ->
                head.contains("after=")
                    && head.lines()
                        .anyMatch(
                            line -> line.equalsIgnoreCase("Last-Event-ID: " + lastBeforeCut)));
    script("arguments[0].scrollIntoView({block: 'center'})", cards().get(PAGE + 5));
    browser.screenshot("search-resumed-after-drop");
  }

  @Test
  @Order(2)
  void suggestionsAndAFacetNarrowTheSearch() throws Exception {
    open("#/search?organization=" + organization);
    WebElement box = searchBox();
    box.sendKeys("جد");
    until(
        () ->
            texts("#suggestions li[data-type=city]").stream()
                .anyMatch(text -> text.contains("جدة")),
        "a city is suggested");
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, QUERY, Keys.ENTER);
    until(
        () -> currentHash().contains("q=") && cards().size() == PAGE && status().contains("60"),
        "results stream in");
    WebElement jeddah =
        browser.driver.findElement(
            By.cssSelector("[data-test=facets] button[data-facet=city][data-code=jeddah]"));
    assertThat(jeddah.getText()).contains("جدة").contains(String.valueOf(JEDDAH));
    jeddah.click();
    until(
        () ->
            currentHash().contains("city=jeddah")
                && cards().size() == JEDDAH
                && status().contains(String.valueOf(JEDDAH))
                && browser
                        .driver
                        .findElements(By.cssSelector("button[data-code=jeddah][aria-pressed=true]"))
                        .size()
                    == 1,
        "the facet narrows the results");
    assertThat(texts("[data-test=results] .card .meta")).allMatch(meta -> meta.contains("جدة"));
    assertThat(texts("[data-test=results] .card h3"))
        .as("markup shows as text")
        .anyMatch(title -> title.contains(MARKUP));
    assertThat(
            browser.driver.findElements(
                By.cssSelector(
                    "[data-test=results] img, [data-test=results] b, [data-test=results] script")))
        .as("and builds no element")
        .isEmpty();
    assertThat(script("return document.body.dataset.injected === undefined")).isEqualTo(true);
    browser.screenshot("search-facet-city");
  }

  @Test
  @Order(3)
  void nearMeFindsWhatIsWithinTheRadiusOfTheVisitor() throws Exception {
    browser.driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("origin", relay.uri().toString(), "permissions", List.of("geolocation")));
    browser.driver.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", 21.55, "longitude", 39.18, "accuracy", 50));
    open("#/search?organization=" + organization + "&radiusKm=10");
    searchBox();
    browser.driver.findElement(By.cssSelector("input[name=near]")).click();
    until(
        () ->
            currentHash().contains("near=1")
                && cards().size() == JEDDAH
                && status().contains(String.valueOf(JEDDAH)),
        "opportunities near Jeddah");
    assertThat(texts("[data-test=results] .card .meta"))
        .allMatch(meta -> meta.contains("جدة") && meta.contains("كم"));
    assertThat(relay.requests)
        .anyMatch(
            head ->
                head.startsWith("GET /api/opportunities/search/stream?")
                    && head.contains("lat=21.55")
                    && head.contains("radiusKm=10"));
    browser.screenshot("search-near-me");
  }

  @Test
  @Order(4)
  void aCorrectedOrExpandedSearchSaysWhatItAlsoSearchedFor() throws Exception {
    open(
        "#/search?organization="
            + organization
            + "&q="
            + java.net.URLEncoder.encode(
                "blod donation dentist", java.nio.charset.StandardCharsets.UTF_8));
    until(
        () ->
            !texts("[data-test=understood] [data-test=corrected]").isEmpty()
                && !texts("[data-test=understood] [data-test=also]").isEmpty(),
        "the corrections and expansions are shown");
    assertThat(texts("[data-test=understood] [data-test=corrected]").get(0))
        .contains("blod → blood");
    assertThat(texts("[data-test=understood] [data-test=also]").get(0)).contains("طبيب أسنان");
  }

  @Test
  @Order(4)
  void theEnglishSwitchTurnsThePageLeftToRight() throws Exception {
    open(
        "#/search?organization="
            + organization
            + "&q="
            + java.net.URLEncoder.encode(QUERY, java.nio.charset.StandardCharsets.UTF_8));
    until(() -> cards().size() == PAGE, "results stream in");
    browser.driver.findElement(By.id("language")).click();
    until(
        () ->
            "ltr en"
                    .equals(
                        script(
                            "return document.documentElement.dir + ' ' + document.documentElement.lang"))
                && cards().size() == PAGE
                && texts("[data-test=facets] h3").contains("Cities"),
        "the page is English");
    assertThat(texts("[data-test=results] .card .meta"))
        .allMatch(meta -> meta.contains("Riyadh") || meta.contains("Jeddah"));
    browser.screenshot("search-english");
    browser.driver.findElement(By.id("language")).click();
    until(
        () ->
            "rtl ar"
                .equals(
                    script(
                        "return document.documentElement.dir + ' ' + document.documentElement.lang")),
        "back to Arabic");
  }

  @Test
  @Order(5)
  void aDemoVolunteerSeesExplainedMatchesAndANewOneArrivesLive() throws Exception {
    open("#/matches");
    signIn(volunteer);
    until(
        () ->
            browser
                    .driver
                    .findElements(By.cssSelector("[data-test=matches] .card .explanation"))
                    .size()
                >= 5,
        "matches stream in");
    assertThat(texts("[data-test=matches] .skills-matched"))
        .anyMatch(text -> text.contains("الإسعافات الأولية"));
    assertThat(texts("[data-test=matches] .explanation .distance"))
        .anyMatch(text -> text.contains("كم"));
    assertThat(texts("[data-test=matches] .components li"))
        .anyMatch(text -> text.contains("المهارات") && text.contains("%"))
        .anyMatch(text -> text.contains("يبدأ قريبًا") && text.contains("%"));
    assertThat(texts("[data-test=matches] .explanation summary"))
        .allMatch(text -> text.contains("لماذا هذه الفرصة؟"));
    until(
        () -> meters.get("matching.live.followers").gauge().value() >= 1,
        "the page follows live matches");

    Map<String, Object> body = new HashMap<>(Fixtures.opportunityBody(10));
    body.put("titleAr", "استقبال زوار مَعرِض الكتاب");
    body.put("gender", "female");
    UUID fresh = publish(body);
    until(
        () ->
            !browser
                .driver
                .findElements(By.cssSelector("[data-test=live] .card[data-id='" + fresh + "']"))
                .isEmpty(),
        "the new opportunity arrives live");
    browser.screenshot("matches-volunteer");
  }

  @Test
  @Order(6)
  void anOrganizationSeesMaskedCandidatesAndItsApplicants() throws Exception {
    script("sessionStorage.clear()");
    open("#/organization");
    signIn(organization);
    until(
        () ->
            browser.driver.findElements(By.cssSelector("[data-test=opportunities] a")).size() == 50,
        "the first 50 opportunities are listed");
    until(
        () -> {
          browser
              .driver
              .findElement(By.cssSelector("[data-test=opportunities] + div button"))
              .click();
          return true;
        },
        "'more' is clicked");
    until(
        () ->
            !browser
                .driver
                .findElements(
                    By.cssSelector("[data-test=opportunities] a[data-id='" + applied + "']"))
                .isEmpty(),
        "the rest are listed after 'more'");
    assertThat(browser.driver.findElements(By.cssSelector("[data-test=opportunities] a")))
        .hasSize(RIYADH + JEDDAH + 1);
    browser
        .driver
        .findElement(By.cssSelector("[data-test=opportunities] a[data-id='" + applied + "']"))
        .click();
    until(
        () ->
            browser
                        .driver
                        .findElements(By.cssSelector("[data-test=candidates] .card .explanation"))
                        .size()
                    >= 1
                && !browser
                    .driver
                    .findElements(By.cssSelector("[data-test=applicants] .card"))
                    .isEmpty(),
        "candidates and applicants are shown");
    script("window.scrollTo(0, 0)");
    String candidates =
        browser.driver.findElement(By.cssSelector("[data-test=candidates]")).getText();
    assertThat(candidates)
        .as("candidate cards are masked")
        .doesNotContain("سارة")
        .doesNotContain("0551234567")
        .doesNotContain("@");
    assertThat(browser.driver.findElement(By.cssSelector("[data-test=applicants]")).getText())
        .contains("سارة محمد العتيبي");
    assertThat(texts("[data-test=candidates] .explanation summary"))
        .as("a candidate's explanation asks about the volunteer")
        .isNotEmpty()
        .allMatch(text -> text.contains("لماذا هذا المتطوع؟"));
    assertThat(texts("[data-test=candidates] .components li"))
        .as("every candidate has a completion record, a newcomer the prior's")
        .anyMatch(text -> text.contains("سجلّ الإتمام") && text.contains("%"));
    browser.screenshot("organization-candidates");
  }

  @Test
  @Order(7)
  void noRequestLeftTheServiceAndNoScriptFailed() {
    List<String> network =
        browser.requestedUrls().stream()
            .filter(url -> !LOCAL_SCHEMES.matcher(url).lookingAt())
            .toList();
    assertThat(network)
        .hasSizeGreaterThan(20)
        .allMatch(url -> url.startsWith(relay.uri() + "/"), "went to the service");
    assertThat(browser.consoleErrors()).noneMatch(message -> message.contains("Uncaught"));
  }

  /** Loads the page afresh at {@code hash} (a change of the hash alone would not reload it). */
  private void open(String hash) {
    browser.driver.get(relay.uri() + "/" + hash);
    browser.driver.navigate().refresh();
    until(() -> "complete".equals(script("return document.readyState")), "the page loads");
  }

  private void signIn(UUID id) {
    until(
        () -> !browser.driver.findElements(By.cssSelector("input[name=account-id]")).isEmpty(),
        "the sign-in panel shows");
    browser
        .driver
        .findElement(By.cssSelector("input[name=account-id]"))
        .sendKeys(id.toString(), Keys.ENTER);
  }

  private UUID publish(Map<String, Object> body) {
    Api.Response draft =
        api.post(
            "/api/organizations/" + organization + "/opportunities",
            Tokens.member(organization),
            body);
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    Api.Response publishing =
        api.post(
            "/api/opportunities/" + draft.id() + "/publish", Tokens.member(organization), null);
    assertThat(publishing.status()).as(publishing.toString()).isEqualTo(200);
    published.add(UUID.fromString(draft.id()));
    return UUID.fromString(draft.id());
  }

  private static Map<String, Object> firstAid(int n, String city) {
    Map<String, Object> body = new HashMap<>(Fixtures.opportunityBody(10));
    Instant start = Instant.now().plus(3 + n, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    body.put(
        "titleAr",
        "ترميم المساجد التاريخية رقم " + (n + 1) + (n == RIYADH + JEDDAH - 1 ? " " + MARKUP : ""));
    body.put("titleEn", "Restoring historic mosques " + (n + 1));
    body.put(
        "descriptionAr",
        "أعمال ترميم وصيانة للمساجد التاريخية مع فريق مدرب على الإسعافات الأولية، الموقع رقم "
            + (n + 1));
    body.put("fieldCode", "health");
    body.put("cityCode", city);
    body.put("lat", city.equals("riyadh") ? 24.7136 : 21.5433);
    body.put("lon", city.equals("riyadh") ? 46.6753 : 39.1728);
    body.put("startsAt", start.toString());
    body.put("endsAt", start.plus(1, ChronoUnit.DAYS).toString());
    body.put(
        "requiredSkills",
        List.of(Map.of("code", "first_aid", "weight", 1.0), Map.of("code", "cpr", "weight", 0.5)));
    return body;
  }

  private long total() {
    return api.getEncoded(
            Api.query("/api/opportunities/search", "q", QUERY, "organization", organization),
            new HttpHeaders())
        .body()
        .path("total")
        .asLong();
  }

  /**
   * The same search straight from the NDJSON stream, in one piece: what the page should show, in
   * order.
   */
  private List<String> streamedIds(int limit) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "application/x-ndjson");
    Api.Response response =
        api.getEncoded(
            Api.query(
                "/api/opportunities/search/stream",
                "q",
                QUERY,
                "organization",
                organization,
                "limit",
                limit),
            headers);
    return response
        .text()
        .lines()
        .map(JSON::readTree)
        .filter(line -> line.path("type").asString().equals("hit"))
        .map(line -> line.path("hit").path("id").asString())
        .toList();
  }

  private WebElement searchBox() {
    until(
        () -> !browser.driver.findElements(By.cssSelector("input[name=q]")).isEmpty(),
        "the search box shows");
    return browser.driver.findElement(By.cssSelector("input[name=q]"));
  }

  private List<WebElement> cards() {
    return browser.driver.findElements(By.cssSelector("[data-test=results] .card"));
  }

  private List<String> ids() {
    return cards().stream().map(card -> card.getAttribute("data-id")).toList();
  }

  private String cursorOf(int position) {
    return browser
        .driver
        .findElements(By.cssSelector("[data-test=results] > li"))
        .get(position - 1)
        .getAttribute("data-cursor");
  }

  private String status() {
    return browser.driver.findElement(By.cssSelector("[data-test=status]")).getText();
  }

  private String statusState() {
    return browser
        .driver
        .findElement(By.cssSelector("[data-test=status]"))
        .getAttribute("data-state");
  }

  private String currentHash() {
    return java.net.URLDecoder.decode(
        String.valueOf(script("return location.hash")), java.nio.charset.StandardCharsets.UTF_8);
  }

  private List<String> texts(String css) {
    return browser.driver.findElements(By.cssSelector(css)).stream()
        .map(WebElement::getText)
        .toList();
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser.driver).executeScript(code, arguments);
  }

  private static void until(BooleanSupplier condition, String what) {
    until(condition, () -> what);
  }

  private static void until(BooleanSupplier condition, java.util.function.Supplier<String> what) {
    try {
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(100))
          // the page re-rendered under the check: look again
          .ignoreExceptionsMatching(
              changing ->
                  changing instanceof org.openqa.selenium.StaleElementReferenceException
                      || changing instanceof org.openqa.selenium.NoSuchElementException)
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException timedOut) {
      throw new AssertionError("timed out waiting until " + what.get(), timedOut);
    }
  }
}
