package sa.volunteering.matching.support;

/** Points on the sphere Elasticsearch measures distances on, for tests that place things. */
public final class Geodesy {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private Geodesy() {}

  /** The point {@code km} from the start along the bearing (degrees clockwise from north). */
  public static double[] destination(double lat, double lon, double bearingDegrees, double km) {
    double angular = km / EARTH_RADIUS_KM;
    double bearing = Math.toRadians(bearingDegrees);
    double phi = Math.toRadians(lat);
    double toPhi =
        Math.asin(
            Math.sin(phi) * Math.cos(angular)
                + Math.cos(phi) * Math.sin(angular) * Math.cos(bearing));
    double toLambda =
        Math.toRadians(lon)
            + Math.atan2(
                Math.sin(bearing) * Math.sin(angular) * Math.cos(phi),
                Math.cos(angular) - Math.sin(phi) * Math.sin(toPhi));
    return new double[] {Math.toDegrees(toPhi), Math.toDegrees(toLambda)};
  }
}
