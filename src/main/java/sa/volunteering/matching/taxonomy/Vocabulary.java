package sa.volunteering.matching.taxonomy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sa.volunteering.analysis.ArabicNormalizer;

/**
 * The terms of one kind, found by code or by any of their names in either language, however it is
 * spelled: names are folded like indexed text (diacritics, alef and teh marbuta forms, case,
 * spaces).
 */
public final class Vocabulary<T extends Term> {

  private final String kind;
  private final Map<String, T> byCode = new LinkedHashMap<>();
  private final Map<String, T> byName = new LinkedHashMap<>();

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

  /** By code, or by any name or variant in Arabic or English. */
  public Optional<T> resolve(String codeOrName) {
    T exact = byCode.get(codeOrName);
    return exact != null ? Optional.of(exact) : Optional.ofNullable(byName.get(fold(codeOrName)));
  }

  static String fold(String name) {
    return ArabicNormalizer.normalize(name.strip().toLowerCase(Locale.ROOT))
        .replaceAll("\\s+", " ");
  }
}
