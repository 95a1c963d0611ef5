package sa.volunteering.matching.search.opportunities;

import java.util.Arrays;
import java.util.Optional;

/** How an opportunity is carried out, with its labels. */
enum Mode {
  ON_SITE("on_site", "حضوري", "On site"),
  REMOTE("remote", "عن بعد", "Remote"),
  HYBRID("hybrid", "مدمج", "Hybrid");

  final String code;
  private final String ar;
  private final String en;

  Mode(String code, String ar, String en) {
    this.code = code;
    this.ar = ar;
    this.en = en;
  }

  static Optional<Mode> of(String code) {
    return Arrays.stream(values()).filter(mode -> mode.code.equals(code)).findFirst();
  }

  String label(Language language) {
    return language == Language.AR ? ar : en;
  }
}
