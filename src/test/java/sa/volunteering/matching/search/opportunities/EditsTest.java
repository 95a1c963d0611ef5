package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The edit distance corrections are allowed by: as fuzzy matching counts it, an adjacent swap is
 * one edit.
 */
class EditsTest {

  @Test
  void insertionsDeletionsAndSubstitutionsCountOneEach() {
    assertThat(Corrections.Edits.between("تطوع", "تطوع")).isZero();
    assertThat(Corrections.Edits.between("تطوع", "تطويع")).isEqualTo(1);
    assertThat(Corrections.Edits.between("مسعف", "مسف")).isEqualTo(1);
    assertThat(Corrections.Edits.between("نجار", "نجاح")).isEqualTo(1);
    assertThat(Corrections.Edits.between("", "abc")).isEqualTo(3);
    assertThat(Corrections.Edits.between("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void anAdjacentSwapIsOneEditNotTwo() {
    assertThat(Corrections.Edits.between("تعليم", "تلعيم")).isEqualTo(1);
    assertThat(Corrections.Edits.between("first", "frist")).isEqualTo(1);
  }

  @Test
  void optimalStringAlignmentDoesNotEditASubstringTwice() {
    assertThat(Corrections.Edits.between("ca", "abc")).isEqualTo(3);
  }

  @Test
  void itIsSymmetric() {
    assertThat(Corrections.Edits.between("volunteer", "volnuteer"))
        .isEqualTo(Corrections.Edits.between("volnuteer", "volunteer"))
        .isEqualTo(1);
  }
}
