package sa.volunteering.tools.dataset;

import java.util.Random;

/**
 * Writes Arabic the way people type it: sometimes with diacritics, sometimes with ه for ة, bare
 * alef for hamza forms, ى for final ي, tatweel, or Arabic-Indic digits. Same seed, same text.
 */
final class ArabicVariation {

  private static final char[] HARAKAT = {'\u064E', '\u064F', '\u0650', '\u0652'};

  private ArabicVariation() {}

  static String vary(String text, Random random) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean diacritics = random.nextInt(10) == 0;
    boolean tehAsHeh = random.nextInt(4) == 0;
    boolean bareAlef = random.nextInt(4) == 0;
    boolean indicDigits = random.nextInt(3) == 0;
    boolean tatweel = random.nextInt(15) == 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean wordEnd = i + 1 == text.length() || text.charAt(i + 1) == ' ';
      if (tehAsHeh && c == 'ة') {
        c = 'ه';
      } else if (bareAlef && (c == 'أ' || c == 'إ' || c == 'آ')) {
        c = 'ا';
      } else if (indicDigits && c >= '0' && c <= '9') {
        c = (char) ('٠' + (c - '0'));
      } else if (wordEnd && c == 'ي' && random.nextInt(6) == 0) {
        c = 'ى';
      }
      out.append(c);
      if (diacritics && c >= 'ء' && c <= 'ي' && random.nextInt(3) == 0) {
        out.append(HARAKAT[random.nextInt(HARAKAT.length)]);
      }
      if (tatweel && c >= 'ب' && c <= 'ي' && !wordEnd && random.nextInt(12) == 0) {
        out.append('ـ');
      }
    }
    return out.toString();
  }
}
