package sa.volunteering.matching.taxonomy;

import java.util.List;

/** A field of volunteer work. */
public record Field(String code, String ar, String en, List<String> variants) implements Term {}
