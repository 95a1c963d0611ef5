package sa.volunteering.matching.system;

import io.r2dbc.spi.Readable;

/**
 * Reading the columns the schema declares {@code not null}: a null there is a bug, reported with
 * the column's name.
 */
public final class Columns {

  private Columns() {}

  public static <T> T required(Readable row, String column, Class<T> type) {
    T value = row.get(column, type);
    if (value == null) {
      throw new IllegalStateException(
          "column " + column + " is null, although the schema declares it not null");
    }
    return value;
  }
}
