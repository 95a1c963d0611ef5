package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RotationTest {

  private static final Instant DAY = Instant.parse("2026-12-07T09:30:00Z");

  private static final List<String> IDS =
      IntStream.range(0, 400)
          .mapToObj(i -> UUID.nameUUIDFromBytes(("tied-" + i).getBytes(StandardCharsets.UTF_8)))
          .map(UUID::toString)
          .toList();

  @Test
  void aDocumentEarnsTheBitsItsTokensShareWithTheDay() {
    for (String id : IDS.subList(0, 50)) {
      List<String> tokens = Rotation.tokens(id);
      assertThat(tokens).hasSize(Rotation.BITS);
      double earned = 0;
      for (int bit = 0; bit < Rotation.BITS; bit++) {
        if (tokens.contains(Rotation.favoured(bit, DAY))) {
          earned += Rotation.points(bit);
        }
      }
      assertThat(earned).isCloseTo(Rotation.points(id, DAY), within(1e-12));
      assertThat(earned).isBetween(0.0, Rotation.WEIGHT + 1e-12);
    }
  }

  @Test
  void theOrderHoldsAllDayAndTheFirstOfOneDayAreInTheLowerHalfTheNext() {
    List<String> morning = ranked(DAY.minus(Duration.ofHours(9)));
    assertThat(ranked(DAY.plus(Duration.ofHours(14)))).isEqualTo(morning);
    for (int days = 1; days <= 60; days++) {
      List<String> today = ranked(DAY.plus(Duration.ofDays(days - 1)));
      List<String> tomorrow = ranked(DAY.plus(Duration.ofDays(days)));
      Set<String> firstToday = new HashSet<>(today.subList(0, 20));
      assertThat(tomorrow.subList(0, IDS.size() / 3))
          .as("day %d", days)
          .doesNotContainAnyElementsOf(firstToday);
    }
  }

  @Test
  void theHashSpreadsIdsOverEveryValue() {
    int[] counts = new int[1 << Rotation.BITS];
    for (int i = 0; i < 25_600; i++) {
      counts[
          Rotation.hash(
              UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString())]++;
    }
    assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThan(2_900);
    assertThat(IntStream.of(counts).max().orElseThrow()).isLessThan(3_500);
  }

  private static List<String> ranked(Instant now) {
    return IDS.stream()
        .sorted(
            Comparator.comparingDouble((String id) -> Rotation.points(id, now))
                .reversed()
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }
}
