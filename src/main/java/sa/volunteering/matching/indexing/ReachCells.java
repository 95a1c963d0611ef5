package sa.volunteering.matching.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sa.volunteering.matching.search.opportunities.GreatCircle;

/**
 * A volunteer's travel disc as the cells of a latitude/longitude quadtree that lie wholly inside
 * it, so that "every volunteer whose disc holds this point" is one {@code terms} query on the
 * point's cells at every level.
 *
 * <p>Level 0 cells are {@value #ROOT_DEGREES}° on a side; each level halves them. The disc, shrunk
 * by {@link #MARGIN} for rounding, is covered by the cells of the level whose diagonal is at most
 * {@link #PRECISION} of the radius that lie wholly inside it (a range of columns per row), and
 * every four cells that make a whole parent are replaced by it, level after level. So nobody is
 * found beyond their limit, and a point is missed only if it lies farther than {@code radius × (1 -
 * MARGIN - PRECISION)} from the volunteer.
 */
public final class ReachCells {

  static final double ROOT_DEGREES = 64;

  /** The deepest level: cells of about 54 m, fine enough for a 1 km limit. */
  static final int DEEPEST = 17;

  /** Share of the radius the disc is shrunk by before cells are tested, for rounding. */
  public static final double MARGIN = 0.001;

  /** The largest share of the radius the diagonal of a cell on the disc's edge may span. */
  public static final double PRECISION = 0.1;

  private static final double KM_PER_DEGREE = 111.195;

  private ReachCells() {}

  /**
   * The cells wholly within {@code radiusKm} of the point, each at the coarsest level that fits.
   */
  public static List<String> covering(double lat, double lon, double radiusKm) {
    if (radiusKm <= 0) {
      return List.of();
    }
    int finest = finestLevel(radiusKm);
    Map<Long, long[]> rows = finestRows(lat, lon, radiusKm * (1 - MARGIN), finest);
    List<String> cells = new ArrayList<>();
    for (int level = finest; level > 0 && !rows.isEmpty(); level--) {
      Map<Long, long[]> parents = parentRows(rows);
      for (Map.Entry<Long, long[]> row : rows.entrySet()) {
        long[] parent = parents.get(row.getKey() >> 1);
        for (long x = row.getValue()[0]; x <= row.getValue()[1]; x++) {
          if (parent == null || x >> 1 < parent[0] || x >> 1 > parent[1]) {
            cells.add(name(level, x, row.getKey()));
          }
        }
      }
      rows = parents;
    }
    rows.forEach(
        (y, range) -> {
          for (long x = range[0]; x <= range[1]; x++) {
            cells.add(name(0, x, y));
          }
        });
    return List.copyOf(cells);
  }

  /**
   * The rows of whole parents: a parent cell is whole when both of its child rows hold both of its
   * child columns.
   */
  private static Map<Long, long[]> parentRows(Map<Long, long[]> rows) {
    Map<Long, long[]> parents = new TreeMap<>();
    for (Map.Entry<Long, long[]> row : rows.entrySet()) {
      long y = row.getKey();
      long[] other = rows.get(y ^ 1);
      if ((y & 1) == 1 || other == null) {
        continue;
      }
      long first = Math.max(row.getValue()[0], other[0]);
      long last = Math.min(row.getValue()[1], other[1]);
      long parentFirst = Math.floorDiv(first + 1, 2);
      long parentLast = Math.floorDiv(last - 1, 2);
      if (parentFirst <= parentLast) {
        parents.put(y >> 1, new long[] {parentFirst, parentLast});
      }
    }
    return parents;
  }

  /** The cells that hold the point, one per level, coarsest first. */
  public static List<String> holding(double lat, double lon) {
    List<String> cells = new ArrayList<>(DEEPEST + 1);
    for (int level = 0; level <= DEEPEST; level++) {
      double size = ROOT_DEGREES / (1 << level);
      cells.add(name(level, column(lon, size), row(lat, size)));
    }
    return cells;
  }

  /** The level whose cells' diagonal is at most {@link #PRECISION} of the radius. */
  static int finestLevel(double radiusKm) {
    for (int level = 0; level < DEEPEST; level++) {
      if (diagonalKm(level) <= PRECISION * radiusKm) {
        return level;
      }
    }
    return DEEPEST;
  }

  /** A cell's diagonal at the equator, where it is widest. */
  static double diagonalKm(int level) {
    return ROOT_DEGREES / (1 << level) * KM_PER_DEGREE * Math.sqrt(2);
  }

  /**
   * The cells of the level wholly inside the disc, as a range of columns per row: in a row, the
   * cells whose four corners are inside, which are those between the longitudes the disc reaches at
   * both of the row's edges (on the sphere the farthest point of a latitude/longitude cell is a
   * corner, since along a meridian or a parallel the distance from a point grows away from its
   * nearest point).
   */
  private static Map<Long, long[]> finestRows(double lat, double lon, double radiusKm, int level) {
    double size = ROOT_DEGREES / (1 << level);
    double half = Math.sin(Math.min(Math.PI, radiusKm / GreatCircle.EARTH_RADIUS_KM) / 2);
    double haversine = half * half;
    double cosLat = Math.cos(Math.toRadians(lat));
    double latSpan = radiusKm / KM_PER_DEGREE;
    Map<Long, long[]> rows = new TreeMap<>();
    for (long y = row(lat - latSpan, size); y <= row(lat + latSpan, size); y++) {
      double south = y * size - 90;
      double north = south + size;
      if (south < -90 || north > 90) {
        continue;
      }
      double reach =
          Math.min(
              lonReach(south, lat, cosLat, haversine), lonReach(north, lat, cosLat, haversine));
      long first = (long) Math.ceil((lon - reach + 180) / size);
      long last = (long) Math.floor((lon + reach + 180) / size) - 1;
      if (reach > 0 && first <= last) {
        rows.put(y, new long[] {first, last});
      }
    }
    return rows;
  }

  /**
   * How many degrees of longitude either side of the centre the disc reaches at this latitude, or 0
   * when it does not reach the latitude: from the haversine of the distance, {@code sin²(Δφ/2) +
   * cos φ₁ cos φ₂ sin²(Δλ/2) ≤ h}.
   */
  private static double lonReach(double at, double lat, double cosLat, double haversine) {
    double dLat = Math.sin(Math.toRadians(at - lat) / 2);
    double room = (haversine - dLat * dLat) / (cosLat * Math.cos(Math.toRadians(at)));
    if (room < 0 || Double.isNaN(room)) {
      return 0;
    }
    return Math.toDegrees(2 * Math.asin(Math.sqrt(Math.min(1, room))));
  }

  private static long column(double lon, double size) {
    return (long) Math.floor((lon + 180) / size);
  }

  private static long row(double lat, double size) {
    return (long) Math.floor((Math.max(-90, Math.min(89.999999, lat)) + 90) / size);
  }

  private static String name(int level, long x, long y) {
    return level + ":" + x + ":" + y;
  }
}
