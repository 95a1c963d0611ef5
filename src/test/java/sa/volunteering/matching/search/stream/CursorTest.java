package sa.volunteering.matching.search.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.system.problem.ApiException;
import tools.jackson.databind.json.JsonMapper;

class CursorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aCursorComesBackAsItWasWritten() {
    Cursor newest =
        new Cursor("newest", List.of(FieldValue.of(1_796_000_000_000L), FieldValue.of("7f1c")));
    Cursor relevance = new Cursor("relevance", List.of(FieldValue.of(12.5), FieldValue.of("a0b1")));

    Cursor read = Cursor.decode(newest.encode(JSON), "newest", "after", JSON);
    assertThat(read.after().get(0).longValue()).isEqualTo(1_796_000_000_000L);
    assertThat(read.after().get(1).stringValue()).isEqualTo("7f1c");
    assertThat(
            Cursor.decode(relevance.encode(JSON), "relevance", "after", JSON)
                .after()
                .get(0)
                .doubleValue())
        .isEqualTo(12.5);
  }

  @Test
  void onlyTheSortValueAndTheIdAreWrittenAndANewPointInTimeResumesAfterEveryShard() {
    Cursor withTiebreaker =
        new Cursor("newest", List.of(FieldValue.of(5L), FieldValue.of("id"), FieldValue.of(42L)));

    Cursor read = Cursor.decode(withTiebreaker.encode(JSON), "newest", "after", JSON);
    assertThat(read.after()).hasSize(2);
    assertThat(read.inNewPointInTime())
        .extracting(FieldValue::_get)
        .containsExactly(5L, "id", Long.MAX_VALUE);
  }

  @Test
  void aCursorOfAnotherSortIsRefusedNamingTheParameter() {
    String token =
        new Cursor("newest", List.of(FieldValue.of(5L), FieldValue.of("id"))).encode(JSON);

    assertThatThrownBy(() -> Cursor.decode(token, "relevance", "after", JSON))
        .isInstanceOfSatisfying(
            ApiException.class,
            problem -> {
              assertThat(problem.getStatusCode().value()).isEqualTo(400);
              assertThat(problem.getBody().getDetail())
                  .startsWith("after: ")
                  .contains("sorted another way");
            });
  }

  @Test
  void whatThisServiceDidNotWriteIsRefused() {
    String notBase64 = "%%%";
    String notJson =
        Base64.getUrlEncoder().encodeToString("plain".getBytes(StandardCharsets.UTF_8));
    String wrongShape =
        Base64.getUrlEncoder()
            .encodeToString("{\"s\":\"newest\",\"a\":[\"x\",1]}".getBytes(StandardCharsets.UTF_8));
    String tooLong = "A".repeat(1025);
    String wrongTime =
        Base64.getUrlEncoder()
            .encodeToString(
                "{\"s\":\"newest\",\"a\":[1,\"x\"],\"t\":\"soon\"}"
                    .getBytes(StandardCharsets.UTF_8));

    for (String token : List.of(notBase64, notJson, wrongShape, tooLong, wrongTime)) {
      assertThatThrownBy(() -> Cursor.decode(token, "newest", "after", JSON))
          .as(token)
          .isInstanceOf(ApiException.class);
    }
  }

  @Test
  void aRankedStreamsTimeComesBackSoThatItResumesWithTheSameScores() {
    java.time.Instant scored = java.time.Instant.parse("2026-12-06T21:40:00.123Z");
    Cursor ranked =
        new Cursor("score", List.of(FieldValue.of(3.25), FieldValue.of("a0b1")), scored);

    Cursor read = Cursor.decode(ranked.encode(JSON), "score", "after", JSON);

    assertThat(read.asOf()).isEqualTo(scored);
    assertThat(
            Cursor.decode(new Cursor("score", ranked.after()).encode(JSON), "score", "after", JSON)
                .asOf())
        .as("a cursor of a stream that does not depend on the time")
        .isNull();
  }

  @Test
  void noCursorIsNoPlace() {
    assertThat(Cursor.decodeIfPresent(null, "newest", "after", JSON)).isNull();
    assertThat(Cursor.decodeIfPresent("  ", "newest", "after", JSON)).isNull();
  }
}
