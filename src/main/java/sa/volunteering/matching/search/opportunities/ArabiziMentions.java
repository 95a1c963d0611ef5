package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sa.volunteering.analysis.lexicon.Concept;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.analysis.lexicon.LexiconKeys;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.Term;
import sa.volunteering.matching.taxonomy.Vocabulary;

/**
 * The Latin words of a query that are Arabic written in Latin letters: the cities, fields and
 * skills they name («Jedah», «7ajj», «tarjama») and the lexicon's concepts («ta3leem», «masjid»),
 * compared by {@link Arabizi} skeleton. Only words that are not English (not a word of an English
 * name of the taxonomy or the lexicon) are read this way, and a skeleton that two terms of one kind
 * or two concepts share names neither.
 */
final class ArabiziMentions {

  /** What the Latin words of a text name. */
  record Found(OpportunityQuery.Mentions mentions, List<Expansion> expansions) {
    static final Found NOTHING = new Found(OpportunityQuery.Mentions.NONE, List.of());
  }

  private static final Set<String> LATIN_ARTICLES =
      Set.of(
          "al", "el", "il", "ad", "ar", "as", "at", "az", "an", "bil", "bel", "fil", "lil", "wal");
  private static final Set<String> ENGLISH_FUNCTION_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "of",
          "in",
          "on",
          "at",
          "for",
          "to",
          "with",
          "my",
          "i",
          "want",
          "near",
          "me",
          "jobs",
          "job",
          "help",
          "helping",
          "opportunities",
          "opportunity");
  private static final int LONGEST_RUN = 4;
  private static final int SHORTEST_SKELETON = 2;
  private static final String AMBIGUOUS = "";

  private final Map<String, String> cities;
  private final Map<String, String> fields;
  private final Map<String, String> skills;
  private final Map<String, String> concepts;
  private final Map<String, Concept> conceptsById = new HashMap<>();
  private final Set<String> englishWords = new HashSet<>(ENGLISH_FUNCTION_WORDS);
  private final int maxFormsPerConcept;

  ArabiziMentions(Taxonomy taxonomy, Lexicon lexicon, int maxFormsPerConcept) {
    this.maxFormsPerConcept = maxFormsPerConcept;
    this.cities = skeletons(taxonomy.cities());
    this.fields = skeletons(taxonomy.fields());
    this.skills = skeletons(taxonomy.skills());
    Map<String, String> byConcept = new HashMap<>();
    for (Concept concept : lexicon.concepts()) {
      conceptsById.put(concept.id(), concept);
      concept.arabicForms().forEach(form -> put(byConcept, skeleton(form), concept.id()));
      concept.english().forEach(this::learnEnglish);
    }
    this.concepts = byConcept;
    for (Vocabulary<? extends Term> vocabulary :
        List.of(taxonomy.cities(), taxonomy.fields(), taxonomy.skills())) {
      vocabulary.all().forEach(term -> term.names().forEach(this::learnEnglish));
    }
  }

  /** What the Latin ones among a text's folded words ({@link LexiconKeys#words}) name. */
  Found in(String[] folded) {
    List<String> words = new ArrayList<>();
    for (String word : folded) {
      if (!LATIN_ARTICLES.contains(word)) {
        words.add(word);
      }
    }
    boolean[] taken = new boolean[words.size()];
    for (int i = 0; i < taken.length; i++) {
      taken[i] = !isArabizi(words.get(i));
    }
    Set<String> foundCities = new LinkedHashSet<>();
    Set<String> foundFields = new LinkedHashSet<>();
    Set<String> foundSkills = new LinkedHashSet<>();
    List<Expansion> expansions = new ArrayList<>();
    for (int length = Math.min(LONGEST_RUN, words.size()); length >= 1; length--) {
      for (int start = 0; start + length <= words.size(); start++) {
        @Nullable String key = key(words, taken, start, length);
        if (key == null) {
          continue;
        }
        boolean found =
            add(cities, key, foundCities)
                | add(fields, key, foundFields)
                | add(skills, key, foundSkills);
        @Nullable String concept = found ? null : concepts.get(key);
        if (concept != null && !concept.equals(AMBIGUOUS)) {
          String typed = String.join(" ", words.subList(start, start + length));
          expansions.add(
              Expansion.of(
                  typed,
                  Objects.requireNonNull(conceptsById.get(concept)),
                  true,
                  maxFormsPerConcept));
          found = true;
        }
        if (found) {
          java.util.Arrays.fill(taken, start, start + length, true);
        }
      }
    }
    if (foundCities.isEmpty() && foundFields.isEmpty() && foundSkills.isEmpty()) {
      return expansions.isEmpty()
          ? Found.NOTHING
          : new Found(OpportunityQuery.Mentions.NONE, List.copyOf(expansions));
    }
    return new Found(
        new OpportunityQuery.Mentions(
            Set.copyOf(foundCities), Set.copyOf(foundFields), Set.copyOf(foundSkills)),
        List.copyOf(expansions));
  }

  private boolean isArabizi(String word) {
    if (Language.ofText(word) == Language.AR || word.length() < 3) {
      return false;
    }
    boolean english =
        englishWords.contains(word)
            || (word.endsWith("s") && englishWords.contains(word.substring(0, word.length() - 1)));
    return !english && !Arabizi.ofLatin(word).isEmpty();
  }

  /** The skeletons of {@code words[start, start + length)}, or null when one is taken. */
  private static @Nullable String key(List<String> words, boolean[] taken, int start, int length) {
    StringBuilder key = new StringBuilder();
    for (int i = start; i < start + length; i++) {
      if (taken[i]) {
        return null;
      }
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(Arabizi.ofLatin(words.get(i)));
    }
    return key.length() < SHORTEST_SKELETON ? null : key.toString();
  }

  private static boolean add(Map<String, String> skeletons, String key, Set<String> codes) {
    String code = skeletons.get(key);
    if (code == null || code.equals(AMBIGUOUS)) {
      return false;
    }
    codes.add(code);
    return true;
  }

  private void learnEnglish(String name) {
    if (Language.ofText(name) == Language.EN) {
      for (String word : LexiconKeys.words(name)) {
        englishWords.add(word.toLowerCase(Locale.ROOT));
      }
    }
  }

  private static <T extends Term> Map<String, String> skeletons(Vocabulary<T> vocabulary) {
    Map<String, String> byKey = new HashMap<>();
    for (T term : vocabulary.all()) {
      term.names().forEach(name -> put(byKey, skeleton(name), term.code()));
    }
    return byKey;
  }

  /** The skeleton of a name in either script, its Latin articles dropped; null when too short. */
  private static @Nullable String skeleton(String name) {
    StringBuilder key = new StringBuilder();
    for (String word : LexiconKeys.words(name)) {
      if (LATIN_ARTICLES.contains(word)) {
        continue;
      }
      String skeleton =
          Language.ofText(word) == Language.AR ? Arabizi.ofArabic(word) : Arabizi.ofLatin(word);
      if (skeleton.isEmpty()) {
        continue;
      }
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(skeleton);
    }
    return key.length() < SHORTEST_SKELETON ? null : key.toString();
  }

  private static void put(Map<String, String> byKey, @Nullable String key, String target) {
    if (key == null) {
      return;
    }
    String previous = byKey.putIfAbsent(key, target);
    if (previous != null && !previous.equals(target)) {
      byKey.put(key, AMBIGUOUS);
    }
  }
}
