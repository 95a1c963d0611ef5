package sa.volunteering.matching.match;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.taxonomy.Skill;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * Which skills are close enough to earn partial credit: the taxonomy's {@code related} lists, made
 * symmetric.
 */
@Component
class SkillRelations {

  private final Map<String, Set<String>> related = new HashMap<>();

  SkillRelations(Taxonomy taxonomy) {
    for (Skill skill : taxonomy.skills().all()) {
      for (String other : skill.related()) {
        related.computeIfAbsent(skill.code(), code -> new HashSet<>()).add(other);
        related.computeIfAbsent(other, code -> new HashSet<>()).add(skill.code());
      }
    }
  }

  Set<String> of(String skill) {
    return related.getOrDefault(skill, Set.of());
  }

  /** Skills related to any of {@code skills} and not among them. */
  Set<String> around(Set<String> skills) {
    Set<String> around = new HashSet<>();
    skills.forEach(skill -> around.addAll(of(skill)));
    around.removeAll(skills);
    return around;
  }

  boolean anyRelated(String skill, Set<String> skills) {
    return of(skill).stream().anyMatch(skills::contains);
  }
}
