package sa.volunteering.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Line charts as PNG, drawn with Java2D (headless): axes from zero, ticks, one coloured line per
 * series, a legend.
 */
public final class Charts {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final Color[] COLOURS = {
    new Color(0x0b6e4f),
    new Color(0xc2410c),
    new Color(0x1d4ed8),
    new Color(0x7e22ce),
    new Color(0x9a6700),
    new Color(0x0e7490)
  };

  private Charts() {}

  public static void write(Report.Chart chart, Path directory) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double maxX =
        chart.series().stream()
            .flatMap(series -> series.points().stream())
            .mapToDouble(point -> point[0])
            .max()
            .orElse(1);
    double maxY =
        chart.series().stream()
            .flatMap(series -> series.points().stream())
            .mapToDouble(point -> point[1])
            .max()
            .orElse(1);
    maxX = nice(maxX);
    maxY = nice(maxY);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(Color.DARK_GRAY);
    g.drawString(chart.title(), LEFT, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int tick = 0; tick <= 5; tick++) {
      int y = TOP + plotHeight - tick * plotHeight / 5;
      int x = LEFT + tick * plotWidth / 5;
      g.setColor(new Color(0xe5e7eb));
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(label(maxY * tick / 5), 8, y + 4);
      g.drawString(label(maxX * tick / 5), x - 10, TOP + plotHeight + 16);
    }
    g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
    g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
    g.drawString(chart.xLabel(), LEFT + plotWidth / 2 - 40, HEIGHT - 12);
    g.drawString(chart.yLabel(), LEFT, TOP - 6);
    g.setStroke(new BasicStroke(2f));
    int index = 0;
    for (Report.Series series : chart.series()) {
      Color colour = COLOURS[index % COLOURS.length];
      g.setColor(colour);
      int[] previous = null;
      for (double[] point : series.points()) {
        int x = LEFT + (int) Math.round(point[0] / maxX * plotWidth);
        int y = TOP + plotHeight - (int) Math.round(point[1] / maxY * plotHeight);
        g.fillOval(x - 3, y - 3, 7, 7);
        if (previous != null) {
          g.drawLine(previous[0], previous[1], x, y);
        }
        previous = new int[] {x, y};
      }
      int legendY = TOP + 14 + index * 18;
      g.drawLine(WIDTH - RIGHT + 14, legendY - 4, WIDTH - RIGHT + 34, legendY - 4);
      g.setColor(Color.DARK_GRAY);
      g.drawString(series.name(), WIDTH - RIGHT + 40, legendY);
      index++;
    }
    g.dispose();
    Files.createDirectories(directory);
    ImageIO.write(image, "png", directory.resolve(chart.file()).toFile());
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above the value. */
  static double nice(double value) {
    if (value <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : List.of(1.0, 2.0, 5.0, 10.0)) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String label(double value) {
    return value >= 1000
        ? String.format(Locale.ROOT, "%,.0f", value)
        : value >= 10
            ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.1f", value);
  }
}
