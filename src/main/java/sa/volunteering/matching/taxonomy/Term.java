package sa.volunteering.matching.taxonomy;

import java.util.List;
import java.util.stream.Stream;

/**
 * Anything in the taxonomy: a stable code, Arabic and English names, and the other ways people
 * write it.
 */
public sealed interface Term permits Field, Skill, Region, City {

  String code();

  String ar();

  String en();

  List<String> variants();

  default Stream<String> names() {
    return Stream.concat(Stream.of(code(), ar(), en()), variants().stream());
  }
}
