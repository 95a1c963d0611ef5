package sa.volunteering.matching.search.opportunities;

import java.util.List;
import java.util.Locale;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.taxonomy.Term;

/**
 * The language labels are given in: the first of Arabic or English the client accepts, Arabic by
 * default.
 */
public enum Language {
  AR,
  EN;

  public static Language of(List<Locale> accepted) {
    for (Locale locale : accepted) {
      if (locale.getLanguage().equals("en")) {
        return EN;
      }
      if (locale.getLanguage().equals("ar")) {
        return AR;
      }
    }
    return AR;
  }

  /**
   * The language of a request: its {@code lang} parameter ({@code ar} or {@code en}; for a
   * browser's EventSource, which cannot set headers), else its {@code Accept-Language}; Arabic when
   * both are missing or the header is malformed.
   */
  public static Language of(org.springframework.web.server.ServerWebExchange exchange) {
    String parameter = exchange.getRequest().getQueryParams().getFirst("lang");
    if (parameter != null) {
      return switch (parameter) {
        case "ar" -> AR;
        case "en" -> EN;
        default -> throw Problems.invalidField("lang", "OneOf", "lang: must be ar or en");
      };
    }
    try {
      return of(exchange.getRequest().getHeaders().getAcceptLanguageAsLocales());
    } catch (IllegalArgumentException malformed) {
      return AR;
    }
  }

  /**
   * Arabic when the text holds an Arabic letter, else English: suggestions answer in the script
   * typed.
   */
  static Language ofText(String text) {
    return text.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
        ? AR
        : EN;
  }

  public String label(Term term) {
    return this == AR ? term.ar() : term.en();
  }
}
