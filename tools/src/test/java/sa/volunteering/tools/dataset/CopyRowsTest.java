package sa.volunteering.tools.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows as PostgreSQL's COPY text format reads them back. */
class CopyRowsTest {

  @Test
  void valuesAreTabSeparatedAndNullIsBackslashN() {
    CopyRows rows = new CopyRows();
    rows.row("a", 1, null, true);
    rows.row("b", 2.5, "", false);

    assertThat(rows.rows()).isEqualTo(2);
    assertThat(rows.drain()).isEqualTo("a\t1\t\\N\ttrue\nb\t2.5\t\tfalse\n");
    assertThat(rows.rows()).isZero();
    assertThat(rows.drain()).isEmpty();
  }

  @Test
  void separatorsAndBackslashesInTextAreEscaped() {
    CopyRows rows = new CopyRows();
    rows.row("line one\nline two\ttabbed\\ and \r", "عربي");

    assertThat(rows.drain()).isEqualTo("line one\\nline two\\ttabbed\\\\ and \\r\tعربي\n");
  }

  @Test
  void listsAreArraysOfQuotedElements() {
    CopyRows rows = new CopyRows();
    rows.row(List.of("first_aid", "say \"hi\"", "back\\slash"), List.of());

    assertThat(rows.drain())
        .isEqualTo("{\"first_aid\",\"say \\\\\"hi\\\\\"\",\"back\\\\\\\\slash\"}\t{}\n");
  }

  @Test
  void bytesAreHex() {
    CopyRows rows = new CopyRows();
    rows.row((Object) new byte[] {0x00, 0x7f, (byte) 0xff, 0x1a});

    assertThat(rows.drain()).isEqualTo("\\\\x007fff1a\n");
  }
}
