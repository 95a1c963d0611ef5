package sa.volunteering.matching.taxonomy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sa.volunteering.analysis.ArabicNormalizer;
import sa.volunteering.analysis.lexicon.LexiconKeys;

/**
 * The terms of one kind, found by code or by any of their names in either language, however it is
 * spelled: names are folded like indexed text (diacritics, alef and teh marbuta forms, case,
 * spaces), and failing that compared without their articles.
 */
public final class Vocabulary<T extends Term> {

  private final String kind;
  private final Map<String, T> byCode = new LinkedHashMap<>();
  private final Map<String, T> byName = new LinkedHashMap<>();
  private final Map<String, Optional<T>> byNameWithoutArticles = new LinkedHashMap<>();

  Vocabulary(String kind, Collection<T> terms) {
    this.kind = kind;
    for (T term : terms) {
      if (byCode.putIfAbsent(term.code(), term) != null) {
        throw new IllegalStateException("duplicate " + kind + " code " + term.code());
      }
    }
    for (T term : terms) {
      term.names()
          .forEach(
              name -> {
                T previous = byName.putIfAbsent(fold(name), term);
                if (previous != null && previous != term) {
                  throw new IllegalStateException(
                      kind
                          + " name '"
                          + name
                          + "' names both "
                          + previous.code()
                          + " and "
                          + term.code());
                }
                byNameWithoutArticles.merge(
                    LexiconKeys.of(name),
                    Optional.of(term),
                    (one, other) -> one.equals(other) ? one : Optional.empty());
              });
    }
  }

  public String kind() {
    return kind;
  }

  public List<T> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<T> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  /**
   * By code, or by any name or variant in Arabic or English; failing that, by a name compared
   * without the articles of its words («دمام» is «الدمام») when only one term has it.
   */
  public Optional<T> resolve(String codeOrName) {
    T exact = byCode.get(codeOrName);
    if (exact != null) {
      return Optional.of(exact);
    }
    T named = byName.get(fold(codeOrName));
    if (named != null) {
      return Optional.of(named);
    }
    return byNameWithoutArticles.getOrDefault(LexiconKeys.of(codeOrName), Optional.empty());
  }

  static String fold(String name) {
    return ArabicNormalizer.normalize(name.strip().toLowerCase(Locale.ROOT))
        .replaceAll("\\s+", " ");
  }
}
