package sa.volunteering.matching.search.opportunities;

import java.util.List;
import java.util.Locale;
import sa.volunteering.matching.taxonomy.Term;

/** The language labels are given in: the first of Arabic or English the client accepts, Arabic by default. */
public enum Language {
  AR, EN;

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

  /** The language of a request's {@code Accept-Language}; Arabic when it is missing or malformed. */
  public static Language of(org.springframework.web.server.ServerWebExchange exchange) {
    try {
      return of(exchange.getRequest().getHeaders().getAcceptLanguageAsLocales());
    } catch (IllegalArgumentException malformed) {
      return AR;
    }
  }

  /** Arabic when the text holds an Arabic letter, else English: suggestions answer in the script typed. */
  static Language ofText(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) ? AR : EN;
  }

  public String label(Term term) {
    return this == AR ? term.ar() : term.en();
  }
}
