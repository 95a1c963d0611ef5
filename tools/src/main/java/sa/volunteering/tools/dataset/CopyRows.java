package sa.volunteering.tools.dataset;

import java.util.Collection;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, arrays as {@code
 * {a,b}}.
 */
final class CopyRows {

  private final StringBuilder buffer = new StringBuilder(1 << 16);
  private int rows;

  void row(@Nullable Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        buffer.append('\t');
      }
      append(values[i]);
    }
    buffer.append('\n');
    rows++;
  }

  int rows() {
    return rows;
  }

  String drain() {
    String text = buffer.toString();
    buffer.setLength(0);
    rows = 0;
    return text;
  }

  private void append(@Nullable Object value) {
    if (value == null) {
      buffer.append("\\N");
    } else if (value instanceof Collection<?> list) {
      StringJoiner array = new StringJoiner(",", "{", "}");
      list.forEach(
          item ->
              array.add(
                  '"' + String.valueOf(item).replace("\\", "\\\\").replace("\"", "\\\"") + '"'));
      escape(array.toString());
    } else if (value instanceof byte[] bytes) {
      buffer.append("\\\\x");
      for (byte b : bytes) {
        buffer
            .append(Character.forDigit((b >> 4) & 0xF, 16))
            .append(Character.forDigit(b & 0xF, 16));
      }
    } else {
      escape(String.valueOf(value));
    }
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
  }
}
