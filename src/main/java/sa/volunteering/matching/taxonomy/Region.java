package sa.volunteering.matching.taxonomy;

import java.util.List;

/** One of the 13 administrative regions, coded as in ISO 3166-2:SA. */
public record Region(String code, String ar, String en) implements Term {

  @Override
  public List<String> variants() {
    return List.of();
  }
}
