package sa.volunteering.matching.indexing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A value in [0, 1] that ranking weighs, indexed as a date that a {@code distance_feature} clause
 * scores back as the value itself: Elasticsearch scores a date {@code d} away from the origin
 * {@code boost × pivot / (pivot + d)}, so the value {@code v} is indexed {@code pivot × (1 − v) /
 * v} before {@link #ORIGIN}, and the clause with origin {@link #ORIGIN}, pivot {@link
 * #PIVOT_MILLIS} and the component's weight as boost scores {@code weight × v}. One clause whose
 * highest score Lucene knows, read from doc values for the documents it scores, instead of one
 * constant score per step of the value (ten for tenths, each a postings list walked for every
 * document scored: docs/ranking.md). Values below {@link #LEAST} are not indexed and score nothing.
 */
public final class ValueAsDate {

  /** The date every value is measured back from, far from any real date. */
  public static final Instant ORIGIN = Instant.parse("2200-01-01T00:00:00Z");

  /** One day: the least value indexed, {@link #LEAST}, lies 999 days before the origin. */
  public static final long PIVOT_MILLIS = 86_400_000L;

  public static final double LEAST = 0.001;

  private ValueAsDate() {}

  /** The date to index for the value, or null when it scores nothing. */
  public static @Nullable String of(double value) {
    if (!(value >= LEAST)) {
      return null;
    }
    double v = Math.min(1, value);
    long before = Math.round(PIVOT_MILLIS * (1 - v) / v);
    return ORIGIN.minusMillis(before).toString();
  }

  /** What the clause scores for the value, per unit of weight. */
  public static double scored(double value) {
    return value >= LEAST ? Math.min(1, value) : 0;
  }
}
