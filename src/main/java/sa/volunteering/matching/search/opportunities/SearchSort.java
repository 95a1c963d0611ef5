package sa.volunteering.matching.search.opportunities;

import java.util.Arrays;
import java.util.Optional;

/** The orders a search can be sorted in; each ends on the id, so that every order is total. */
enum SearchSort {
  RELEVANCE,
  NEWEST,
  SOONEST,
  NEAREST;

  String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Optional<SearchSort> of(String code) {
    return Arrays.stream(values()).filter(sort -> sort.code().equals(code)).findFirst();
  }
}
