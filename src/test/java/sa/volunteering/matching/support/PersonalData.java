package sa.volunteering.matching.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What looks like personal data in a response, and the endpoints allowed to return it: a
 * volunteer's own profile, an administrator's view of one, and an organization's applicants. Names
 * are the ones volunteers registered with during the run ({@link #learnName}).
 */
public final class PersonalData {

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "national ID",
              Pattern.compile("(?<![0-9A-Za-z._-])[12][0-9]{9}(?![0-9A-Za-z_-]|\\.[0-9])")),
          new Kind(
              "phone",
              Pattern.compile(
                  "(?<![0-9A-Za-z._-])(?:\\+?966|0)5[0-9]{8}(?![0-9A-Za-z_-]|\\.[0-9])")),
          new Kind(
              "e-mail",
              Pattern.compile(
                  "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")));
  private static final Pattern UUID_SEGMENT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Set<String> ALLOWED =
      Set.of(
          "POST /api/volunteers",
          "GET /api/volunteers/me",
          "PUT /api/volunteers/me",
          "DELETE /api/volunteers/me",
          "GET /api/volunteers/{id}",
          "GET /api/opportunities/{id}/applications");

  /**
   * The largest int and one more: ten digits starting with 2, so shaped like a national ID, but the
   * fuzz test's overflow probes, which it may leave stored in free-text fields that other tests
   * then list.
   */
  private static final Set<String> INT_BOUNDARIES = Set.of("2147483647", "2147483648");

  private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

  private PersonalData() {}

  /**
   * A name a volunteer registered with. Names shorter than 6 characters, or with fewer than 3
   * letters (a number, punctuation), would match ordinary text and are skipped.
   */
  public static void learnName(String name) {
    String trimmed = name.strip();
    if (trimmed.length() >= 6 && trimmed.codePoints().filter(Character::isLetter).count() >= 3) {
      NAMES.add(trimmed);
    }
  }

  public static boolean mayReturn(String method, String path) {
    return ALLOWED.contains(method + " " + UUID_SEGMENT.matcher(path).replaceAll("{id}"));
  }

  /** Each kind of personal data found in {@code text}, with what was found. */
  public static List<String> findIn(String text) {
    List<String> found = new ArrayList<>();
    for (Kind kind : KINDS) {
      Matcher matcher = kind.pattern.matcher(text);
      boolean hit = matcher.find();
      while (hit && INT_BOUNDARIES.contains(matcher.group())) {
        hit = matcher.find();
      }
      if (hit) {
        found.add(
            kind.name
                + " "
                + matcher.group()
                + " in …"
                + text.substring(
                        Math.max(0, matcher.start() - 40),
                        Math.min(text.length(), matcher.end() + 40))
                    .replace('\n', ' ')
                + "…");
      }
    }
    for (String name : NAMES) {
      if (text.contains(name)) {
        found.add("name " + name);
      }
    }
    return found;
  }

  private record Kind(String name, Pattern pattern) {}
}
