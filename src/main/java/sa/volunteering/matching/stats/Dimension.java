package sa.volunteering.matching.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.system.problem.Problems;

/** What a breakdown groups by. */
public enum Dimension {
  FIELD,
  CITY,
  REGION,
  MONTH,
  ORGANIZATION;

  static Dimension of(@Nullable String by) {
    if (by != null) {
      for (Dimension dimension : values()) {
        if (dimension.parameter().equals(by)) {
          return dimension;
        }
      }
    }
    throw Problems.invalidField(
        "by",
        "OneOf",
        "by: must be one of "
            + String.join(", ", Arrays.stream(values()).map(Dimension::parameter).toList()));
  }

  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The summary rows of this breakdown, over the whole platform or within one organization. */
  Slice slice(@Nullable UUID organization) {
    if (organization == null) {
      return this == MONTH ? new Slice("platform", "", true) : new Slice(parameter(), "", false);
    }
    return switch (this) {
      case MONTH -> new Slice("organization", organization.toString(), true);
      case ORGANIZATION -> new Slice("organization", organization.toString(), false);
      default -> new Slice("organization_" + parameter(), organization + "|", false);
    };
  }
}
