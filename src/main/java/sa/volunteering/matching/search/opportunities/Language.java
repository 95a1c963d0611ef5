package sa.volunteering.matching.search.opportunities;

import java.util.List;
import java.util.Locale;
import sa.volunteering.matching.taxonomy.Term;

/** The language labels are given in: the first of Arabic or English the client accepts, Arabic by default. */
enum Language {
  AR, EN;

  static Language of(List<Locale> accepted) {
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

  /** Arabic when the text holds an Arabic letter, else English: suggestions answer in the script typed. */
  static Language ofText(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) ? AR : EN;
  }

  String label(Term term) {
    return this == AR ? term.ar() : term.en();
  }
}
