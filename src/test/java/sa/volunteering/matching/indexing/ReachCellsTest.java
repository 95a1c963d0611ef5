package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.search.opportunities.GreatCircle;
import sa.volunteering.matching.support.Geodesy;

class ReachCellsTest {

  private static final double[] LIMITS_KM = {1, 2, 3, 7, 12, 20, 30, 45, 75, 120, 250, 600, 2000};

  /**
   * Points thrown around discs across the kingdom and beyond, at every limit: a point is found only
   * inside the disc, and always when it lies within the promised share of the limit.
   */
  @Test
  void aPointIsFoundOnlyInsideTheDiscAndAlwaysWellInsideIt() {
    Random random = new Random(20261205);
    double inside = 1 - ReachCells.MARGIN - ReachCells.PRECISION;
    for (int disc = 0; disc < 300; disc++) {
      double lat = 16 + random.nextDouble() * 16;
      double lon = 36 + random.nextDouble() * 20;
      double limit = LIMITS_KM[disc % LIMITS_KM.length];
      List<String> cover = ReachCells.covering(lat, lon, limit);
      for (int point = 0; point < 400; point++) {
        double km = limit * 1.3 * Math.sqrt(random.nextDouble());
        double[] at = Geodesy.destination(lat, lon, random.nextDouble() * 360, km);
        double distance = GreatCircle.km(lat, lon, at[0], at[1]);
        boolean found = !Collections.disjoint(cover, ReachCells.holding(at[0], at[1]));
        if (found) {
          assertThat(distance).as("found beyond the %s km limit", limit).isLessThanOrEqualTo(limit);
        }
        if (distance <= limit * inside) {
          assertThat(found).as("missed at %.3f of a %s km limit", distance, limit).isTrue();
        }
      }
    }
  }

  /** Just past the edge is never found, in every direction, however short or long the limit. */
  @Test
  void nothingJustPastTheEdgeIsFound() {
    for (double limit : LIMITS_KM) {
      List<String> cover = ReachCells.covering(24.7136, 46.6753, limit);
      for (int bearing = 0; bearing < 360; bearing += 5) {
        double[] past = Geodesy.destination(24.7136, 46.6753, bearing, limit * 1.0005 + 0.001);
        assertThat(Collections.disjoint(cover, ReachCells.holding(past[0], past[1])))
            .as("%s km limit, bearing %d", limit, bearing)
            .isTrue();
      }
    }
  }

  /** What each volunteer adds to the index stays small at every limit. */
  @Test
  void aDiscIsAFewHundredCellsAtMost() {
    for (double limit : LIMITS_KM) {
      assertThat(ReachCells.covering(21.5, 39.2, limit).size())
          .as("cells for %s km", limit)
          .isBetween(1, 250);
    }
    assertThat(ReachCells.covering(21.5, 39.2, 0)).isEmpty();
  }

  @Test
  void aPointIsInOneCellAtEveryLevel() {
    List<String> cells = ReachCells.holding(24.7136, 46.6753);
    assertThat(cells).hasSize(ReachCells.DEEPEST + 1).doesNotHaveDuplicates();
    assertThat(cells.getFirst()).startsWith("0:");
    assertThat(cells.getLast()).startsWith(ReachCells.DEEPEST + ":");
  }
}
