package sa.volunteering.matching.search.opportunities;

import java.util.Locale;

/**
 * Letter skeletons that let Arabic written in Latin letters and digits («ta3leem», «7ajj», «Jedah»)
 * meet the Arabic it stands for (docs/search.md has the table). Both sides are reduced to the same
 * consonant classes: vowels, long vowels, hamza and a final teh marbuta are dropped, letters that
 * Latin spellings do not tell apart share a class (ت ط, س ص, ك ق, ه ح, and ث ذ ز ض ظ, all written
 * th, dh or z), and a doubled consonant («kk», «jj») counts once; the same consonant twice across a
 * vowel («دمام») counts twice.
 */
final class Arabizi {

  private Arabizi() {}

  /** The skeleton of one folded Arabic word (normalized, without its article). */
  static String ofArabic(String word) {
    StringBuilder skeleton = new StringBuilder(word.length());
    int end = word.endsWith("ه") && word.length() > 2 ? word.length() - 1 : word.length();
    char previous = 0;
    for (int i = 0; i < end; i++) {
      char letter = arabicClass(word.charAt(i));
      if (letter != 0 && letter != previous) {
        skeleton.append(letter);
      }
      previous = letter;
    }
    return skeleton.toString();
  }

  /** The skeleton of one Latin word, with the digits Arabizi uses for letters Latin lacks. */
  static String ofLatin(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace("'", "").replace("-", "");
    if (w.length() > 2 && w.endsWith("h") && isVowel(w.charAt(w.length() - 2))) {
      w = w.substring(0, w.length() - 1);
    }
    StringBuilder skeleton = new StringBuilder(w.length());
    char previous = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
      char letter;
      if (next == 'h' && "sckgtdp".indexOf(c) >= 0) {
        letter =
            switch (c) {
              case 's', 'c' -> 'c';
              case 'k' -> 'x';
              case 'g' -> 'g';
              case 't', 'd' -> 'z';
              default -> 'f';
            };
        i++;
      } else if (c == '3' && next == '\'') {
        letter = 'g';
        i++;
      } else {
        letter = latinClass(c);
      }
      if (letter != 0 && letter != previous) {
        skeleton.append(letter);
      }
      previous = letter;
    }
    return skeleton.toString();
  }

  private static char arabicClass(char c) {
    return switch (c) {
      case 'ب' -> 'b';
      case 'ت', 'ط' -> 't';
      case 'ج' -> 'j';
      case 'ح', 'ه' -> 'h';
      case 'خ' -> 'x';
      case 'د' -> 'd';
      case 'ث', 'ذ', 'ز', 'ض', 'ظ' -> 'z';
      case 'ر' -> 'r';
      case 'س', 'ص' -> 's';
      case 'ش' -> 'c';
      case 'ع' -> '3';
      case 'غ' -> 'g';
      case 'ف' -> 'f';
      case 'ق', 'ك' -> 'k';
      case 'ل' -> 'l';
      case 'م' -> 'm';
      case 'ن' -> 'n';
      default -> 0;
    };
  }

  private static char latinClass(char c) {
    return switch (c) {
      case 'b', 'p' -> 'b';
      case 't', '6' -> 't';
      case 'j', 'g' -> 'j';
      case 'h', '7' -> 'h';
      case 'x', '5' -> 'x';
      case 'd' -> 'd';
      case 'z' -> 'z';
      case 'r' -> 'r';
      case 's', '9' -> 's';
      case '3' -> '3';
      case 'f', 'v' -> 'f';
      case 'k', 'q', 'c', '8' -> 'k';
      case 'l' -> 'l';
      case 'm' -> 'm';
      case 'n' -> 'n';
      default -> 0;
    };
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
