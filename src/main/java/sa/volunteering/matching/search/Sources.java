package sa.volunteering.matching.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reading typed values out of an indexed document's source. */
public final class Sources {

  private Sources() {}

  public static String string(Map<String, Object> source, String key) {
    Object value = source.get(key);
    return value == null ? "" : value.toString();
  }

  public static @Nullable String optionalString(Map<String, Object> source, String key) {
    Object value = source.get(key);
    return value == null ? null : value.toString();
  }

  public static double number(Map<String, Object> source, String key, double fallback) {
    Object value = source.get(key);
    return value instanceof Number number
        ? number.doubleValue()
        : value == null ? fallback : Double.parseDouble(value.toString());
  }

  public static @Nullable Integer integer(Map<String, Object> source, String key) {
    Object value = source.get(key);
    return value == null ? null : (int) number(source, key, 0);
  }

  public static Set<String> strings(Map<String, Object> source, String key) {
    Object value = source.get(key);
    return value instanceof List<?> list
        ? Set.copyOf(list.stream().map(String::valueOf).toList())
        : Set.of();
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  public static @Nullable Instant instant(Map<String, Object> source, String key) {
    String value = optionalString(source, key);
    return value == null ? null : Instant.parse(value);
  }

  public static @Nullable LocalDate date(Map<String, Object> source, String key) {
    String value = optionalString(source, key);
    return value == null
        ? null
        : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
  }

  /** {@code [lat, lon]} of a geo point written as {@code {"lat": .., "lon": ..}}, or null. */
  public static double @Nullable [] point(Map<String, Object> source, String key) {
    Map<String, Object> point = map(source.get(key));
    return point.isEmpty() ? null : new double[] {number(point, "lat", 0), number(point, "lon", 0)};
  }
}
