package sa.volunteering.matching.taxonomy;

import java.util.List;

/** A skill, its field, and the skills close enough to earn partial credit in ranking. */
public record Skill(
    String code, String ar, String en, String field, List<String> variants, List<String> related)
    implements Term {}
