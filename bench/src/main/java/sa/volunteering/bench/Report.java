package sa.volunteering.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a benchmark measured, as the report shows it: sections of paragraphs, tables and charts. */
public final class Report {

  /** A line chart: one line per series, points as (x, y). */
  public record Chart(
      String file, String title, String xLabel, String yLabel, List<Series> series) {}

  public record Series(String name, List<double[]> points) {}

  public record Table(List<String> header, List<List<String>> rows) {}

  /** One measurement's part of the report. */
  public static final class Section {

    final String title;
    final List<Object> parts = new ArrayList<>();
    @org.jspecify.annotations.Nullable String invalid;

    public Section(String title) {
      this.title = title;
    }

    /**
     * Marks the section as no result: its figures stay, under the reason they cannot be trusted.
     */
    public Section invalid(String reason) {
      invalid = reason;
      return this;
    }

    public boolean isValid() {
      return invalid == null;
    }

    public String title() {
      return title;
    }

    public Section paragraph(String text) {
      parts.add(text);
      return this;
    }

    public Section table(List<String> header, List<List<String>> rows) {
      parts.add(new Table(header, rows));
      return this;
    }

    public Section chart(Chart chart) {
      parts.add(chart);
      return this;
    }

    public List<Chart> charts() {
      return parts.stream().filter(Chart.class::isInstance).map(Chart.class::cast).toList();
    }

    /** Markdown; charts as images at {@code chartDirectory} relative to the report. */
    String markdown(String chartDirectory) {
      StringBuilder text =
          new StringBuilder("### ")
              .append(title)
              .append(invalid == null ? "" : " (invalid: not a result)")
              .append("\n\n");
      if (invalid != null) {
        text.append("> **Invalid, not a result.** ").append(invalid).append("\n\n");
      }
      for (Object part : parts) {
        switch (part) {
          case String paragraph -> text.append(paragraph).append("\n\n");
          case Table table -> {
            text.append("| ").append(String.join(" | ", table.header())).append(" |\n|");
            table.header().forEach(column -> text.append("---|"));
            text.append('\n');
            table
                .rows()
                .forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
            text.append('\n');
          }
          case Chart chart ->
              text.append("![")
                  .append(chart.title())
                  .append("](")
                  .append(chartDirectory)
                  .append('/')
                  .append(chart.file())
                  .append(")\n\n");
          default -> throw new IllegalStateException("unknown part " + part);
        }
      }
      return text.toString();
    }
  }

  private Report() {}

  /** A figure with one decimal, or none when it is large. */
  public static String number(double value) {
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  public static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * A ratio against its aim, marked met or missed; with a third decimal where two would look like
   * the aim itself.
   */
  public static String against(double value, double aim, boolean atMost) {
    boolean met = atMost ? value <= aim : value >= aim;
    String shown =
        ratio(value).equals(ratio(aim)) && value != aim
            ? String.format(Locale.ROOT, "%.3f", value)
            : ratio(value);
    return "**"
        + shown
        + "** (aim "
        + (atMost ? "≤ " : "≥ ")
        + ratio(aim)
        + (met ? ", met)" : ", missed)");
  }
}
