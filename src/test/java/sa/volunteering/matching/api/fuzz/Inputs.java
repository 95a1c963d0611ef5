package sa.volunteering.matching.api.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Values a hostile or careless client sends: valid ones, edge values, text that other engines read
 * as syntax, every script and control character, and sizes past every limit. Drawn from a seeded
 * random source, so a failure replays from its seed.
 */
final class Inputs {

  static final List<String> SYNTAX =
      List.of(
          "*",
          "?",
          "te?t*",
          "/.*/",
          "title:x~2",
          "a AND (b OR",
          "\"unterminated",
          "{\"script\":1}",
          "\\",
          "%",
          "%25",
          "%00",
          "' or 1=1 --",
          "<script>alert(1)</script>",
          "${7*7}",
          "#{7*7}",
          "../../etc/passwd",
          "null",
          "NaN",
          "-Infinity",
          "1e309",
          "0x1F",
          "[]",
          "{}",
          "\u202Eevil\u202C",
          "\uFEFF",
          "\u0000",
          "\r\nX-Injected: 1",
          "تطوع*",
          "ال",
          "ـــ");
  static final List<String> NUMBERS =
      List.of(
          "0",
          "-1",
          "1",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775808",
          "1.5",
          "1e3",
          "1e309",
          "NaN",
          "Infinity",
          "-0",
          "00001",
          "+5",
          " 5",
          "5 ",
          "٥",
          "",
          "true");
  static final List<String> DATES =
      List.of(
          "2026-12-01",
          "2026-02-30",
          "1900-01-01",
          "9999-12-31",
          "2026-13-01",
          "26-1-1",
          "2026-12-01T10:00:00Z",
          "yesterday",
          "2025-06",
          "2025-13",
          "1999-12",
          "+20250-01",
          "");
  static final List<String> CODES =
      List.of(
          "riyadh",
          "jeddah",
          "makkah",
          "health",
          "education",
          "first_aid",
          "crowd_management",
          "on_site",
          "remote",
          "hybrid",
          "field",
          "city",
          "region",
          "month",
          "organization",
          "الرياض",
          "Riyadh",
          "RIYADH",
          "رياض",
          "Ar Riyadh",
          "no_such_code",
          "");
  private static final String ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةىًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩";
  private static final String LATIN =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,;:!";

  private final Random random;

  Inputs(Random random) {
    this.random = random;
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /**
   * Any text: mostly Arabic, English or mixed words, sometimes syntax, control characters,
   * surrogates or a very long run.
   */
  String text() {
    int kind = random.nextInt(10);
    return switch (kind) {
      case 0 -> oneOf(SYNTAX);
      case 1 -> codePoints(between(1, 40));
      case 2 -> words(ARABIC, between(200, 5_000));
      case 3 -> oneOf(NUMBERS);
      default -> words(kind % 2 == 0 ? ARABIC : LATIN + ARABIC, between(0, 60));
    };
  }

  /** A value for a parameter of this kind, valid most of the time. */
  String value(Kind kind) {
    if (chance(0.35)) {
      return text();
    }
    return switch (kind) {
      case NUMBER -> oneOf(NUMBERS);
      case DATE -> oneOf(DATES);
      case CODE -> oneOf(CODES);
      case UUID -> chance(0.8) ? java.util.UUID.randomUUID().toString() : text();
      case TEXT -> words(ARABIC + LATIN, between(0, 80));
      case CHOICE ->
          oneOf(
              List.of(
                  "relevance",
                  "newest",
                  "soonest",
                  "nearest",
                  "any",
                  "all",
                  "male",
                  "female",
                  "true",
                  "false"));
    };
  }

  private String words(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(chance(0.15) ? ' ' : alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** Random code points of every plane, control characters and lone surrogates included. */
  private String codePoints(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int point =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0xD800 + random.nextInt(0x800);
            case 2 -> 0x1F300 + random.nextInt(0x300);
            default -> random.nextInt(0x3000);
          };
      text.appendCodePoint(point);
    }
    return text.toString();
  }

  enum Kind {
    NUMBER,
    DATE,
    CODE,
    UUID,
    TEXT,
    CHOICE
  }
}
