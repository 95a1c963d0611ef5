package sa.volunteering.matching.taxonomy;

import java.util.List;

/** A city with its region and the coordinates of its centre. */
public record City(
    String code, String region, String ar, String en, double lat, double lon, List<String> variants)
    implements Term {}
