package sa.volunteering.analysis.lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * One concept of volunteer work and every way people name it.
 *
 * @param id the field and the first English form, {@code health/dentist}
 * @param field the taxonomy field it belongs to
 * @param english English forms, the first names the concept
 * @param arabic Modern Standard Arabic forms, the first is the head
 * @param otherNumber broken plurals of the head, or the singular of a plural head
 * @param workerOrWork the worker for a work ({@code نجارة → نجار}), or the work for a worker
 * @param gulf Gulf colloquial forms
 */
public record Concept(
    String id,
    String field,
    List<String> english,
    List<String> arabic,
    List<String> otherNumber,
    List<String> workerOrWork,
    List<String> gulf) {

  public Concept {
    english = List.copyOf(english);
    arabic = List.copyOf(arabic);
    otherNumber = List.copyOf(otherNumber);
    workerOrWork = List.copyOf(workerOrWork);
    gulf = List.copyOf(gulf);
    if (english.isEmpty() || arabic.isEmpty()) {
      throw new IllegalArgumentException(id + " needs an English and an Arabic form");
    }
  }

  /** Every Arabic form: standard, other number, worker or work, Gulf. */
  public List<String> arabicForms() {
    List<String> forms = new ArrayList<>(arabic);
    forms.addAll(otherNumber);
    forms.addAll(workerOrWork);
    forms.addAll(gulf);
    return forms;
  }

  /** Every form, English first. */
  public List<String> forms() {
    List<String> forms = new ArrayList<>(english);
    forms.addAll(arabicForms());
    return forms;
  }
}
