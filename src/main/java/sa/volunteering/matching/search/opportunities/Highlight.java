package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.List;

/**
 * A fragment of a field with its matched words as ranges of UTF-16 offsets into {@code text}, plain
 * text with no markup, so that a front end marks them up its own safe way. A range covers the whole
 * word as written, diacritics and attached prefixes included.
 */
public record Highlight(String text, List<Span> matches) {

  static final String START = "\uE000";
  static final String END = "\uE001";

  /** {@code [start, end)} in {@code text}. */
  public record Span(int start, int end) {}

  /** Reads a fragment marked by Elasticsearch with {@link #START} and {@link #END}. */
  static Highlight parse(String marked) {
    StringBuilder text = new StringBuilder(marked.length());
    List<Span> matches = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == START.charAt(0)) {
        start = text.length();
      } else if (c == END.charAt(0)) {
        if (start >= 0) {
          matches.add(new Span(start, text.length()));
        }
        start = -1;
      } else {
        text.append(c);
      }
    }
    return new Highlight(text.toString(), List.copyOf(matches));
  }
}
