package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Suggestion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Corrections of an Arabic word are taken only when the descriptions lack it: a field of another
 * analysis suggests neighbours of words it cannot hold.
 */
class CorrectionsTest {

  @Test
  void anArabicWordTheDescriptionsHoldIsNotCorrectedByTheEnglishTitle() {
    Map<String, List<Suggestion<Object>>> answer = new LinkedHashMap<>();
    answer.put("typo:description", List.of(term("تعليم", 0)));
    answer.put("typo:title", List.of(term("تعليم", 0)));
    answer.put("typo:title.en", List.of(term("تعليم", 0, "تعليمي", "تنظيم")));

    assertThat(Corrections.read(answer).isEmpty()).isTrue();
  }

  @Test
  void latinWordsKeepEverySuggestionSinceEnglishStemmingSilencesTheirOwnField() {
    Map<String, List<Suggestion<Object>>> answer = new LinkedHashMap<>();
    answer.put("typo:title.en", List.of(term("coordinaton", 0)));
    answer.put("typo:description", List.of(term("coordinaton", 0)));
    answer.put("typo:title", List.of(term("coordinaton", 0, "coordinator")));

    assertThat(Corrections.read(answer).byField())
        .isEqualTo(Map.of("title", Set.of("coordinator")));
  }

  @Test
  void aWordItsOwnFieldLacksIsCorrectedInEveryFieldThatSuggests() {
    Map<String, List<Suggestion<Object>>> answer = new LinkedHashMap<>();
    answer.put("typo:description", List.of(term("تعلييم", 0, "تعليم")));
    answer.put("typo:title", List.of(term("تعلييم", 0, "تعليم")));
    answer.put("typo:title.en", List.of(term("coordinaton", 7, "coordinator")));
    answer.put("typo:organization.name", List.of(term("تعلييم", 0)));

    assertThat(Corrections.read(answer).byField())
        .isEqualTo(
            Map.of(
                "description", Set.of("تعليم"),
                "title", Set.of("تعليم"),
                "title.en", Set.of("coordinator")));
  }

  @Test
  void onlyTheWordHeldIsLeftOutOfATextWithATypo() {
    Map<String, List<Suggestion<Object>>> answer = new LinkedHashMap<>();
    answer.put("typo:description", List.of(term("تعليم", 0), term("الاطفل", 6, "الاطفال")));
    answer.put("typo:title.en", List.of(term("تعليم", 0, "تنظيم"), term("الاطفل", 6, "الاطفال")));

    assertThat(Corrections.read(answer).byField())
        .isEqualTo(Map.of("description", Set.of("الاطفال"), "title.en", Set.of("الاطفال")));
  }

  private static Suggestion<Object> term(String text, int offset, String... options) {
    return Suggestion.of(
        s ->
            s.term(
                t ->
                    t.text(text)
                        .offset(offset)
                        .length(text.length())
                        .options(
                            Arrays.stream(options)
                                .map(
                                    option ->
                                        co.elastic.clients.elasticsearch.core.search
                                            .TermSuggestOption.of(
                                            o -> o.text(option).score(0.8).freq(10)))
                                .toList())));
  }
}
