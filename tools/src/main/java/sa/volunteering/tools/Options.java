package sa.volunteering.tools;

import java.util.List;
import org.springframework.boot.ApplicationArguments;

/** A command's {@code --name=value} options, each read once with its fallback. */
public final class Options {

  private Options() {}

  public static String text(ApplicationArguments arguments, String name, String fallback) {
    List<String> values = arguments.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  /** A whole number, underscores allowed ({@code 1_200_000}). */
  public static long number(ApplicationArguments arguments, String name, long fallback) {
    String value = text(arguments, name, "");
    return value.isEmpty() ? fallback : Long.parseLong(value.replace("_", ""));
  }

  public static double decimal(ApplicationArguments arguments, String name, double fallback) {
    String value = text(arguments, name, "");
    return value.isEmpty() ? fallback : Double.parseDouble(value);
  }
}
