package sa.volunteering.matching.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;

/**
 * A person registers once; their national ID is kept nowhere, not in the database and not in the
 * logs.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NationalIdIT {

  @LocalServerPort int port;

  @Autowired DatabaseClient database;

  @Test
  void theSameNationalIdRegistersOnceAndIsStoredNowhere(CapturedOutput output) {
    Api api = new Api(port);
    String nationalId = Fixtures.nationalId();

    Api.Response first =
        api.post(
            "/api/volunteers",
            Tokens.volunteer(UUID.randomUUID()),
            Fixtures.registrationBody(nationalId));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);

    String sameInArabicDigits =
        nationalId
            .chars()
            .mapToObj(c -> String.valueOf((char) ('٠' + (c - '0'))))
            .reduce("", String::concat);
    Api.Response second =
        api.post(
            "/api/volunteers",
            Tokens.volunteer(UUID.randomUUID()),
            Fixtures.registrationBody(sameInArabicDigits));
    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.body().path("type").asString()).isEqualTo("/problems/duplicate-national-id");

    String spaced = nationalId.substring(0, 4) + " " + nationalId.substring(4);
    Api.Response third =
        api.post(
            "/api/volunteers",
            Tokens.volunteer(UUID.randomUUID()),
            Fixtures.registrationBody(spaced));
    assertThat(third.status()).isEqualTo(409);

    assertThat(first.text() + second.text() + third.text())
        .doesNotContain(nationalId)
        .doesNotContain(sameInArabicDigits);
    assertThat(rowsContaining(nationalId)).as("tables holding the clear national ID").isEmpty();
    assertThat(output.getAll()).doesNotContain(nationalId).doesNotContain(sameInArabicDigits);
  }

  @Test
  void aMalformedNationalIdIsRefusedWithoutEchoingIt(CapturedOutput output) {
    Api api = new Api(port);
    String malformed = "3999888777";
    Api.Response refused =
        api.post(
            "/api/volunteers",
            Tokens.volunteer(UUID.randomUUID()),
            Fixtures.registrationBody(malformed));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").get(0).path("field").asString())
        .isEqualTo("nationalId");
    assertThat(refused.text()).doesNotContain(malformed);
    assertThat(output.getAll()).doesNotContain(malformed);
  }

  private List<String> rowsContaining(String text) {
    List<String> tables =
        database
            .sql(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
            .map(row -> row.get("table_name", String.class))
            .all()
            .collectList()
            .block(Duration.ofSeconds(10));
    return tables.stream()
        .filter(
            table ->
                database
                        .sql(
                            "select count(*) as hits from \""
                                + table
                                + "\" t where t::text like :pattern")
                        .bind("pattern", "%" + text + "%")
                        .map(row -> row.get("hits", Long.class))
                        .one()
                        .block(Duration.ofSeconds(10))
                    > 0)
        .toList();
  }
}
