package sa.volunteering.bench.importing;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A line of the data set's {@code opportunities.ndjson} read as the row the reindex reads from
 * PostgreSQL (with its organization's columns), so that the raw loader builds its documents with
 * the service's own code.
 */
final class FileRow implements Readable {

  private final JsonNode opportunity;
  private final @Nullable JsonNode organization;

  FileRow(JsonNode opportunity, @Nullable JsonNode organization) {
    this.opportunity = opportunity;
    this.organization = organization;
  }

  /** The required skills as the reindex reads them from {@code opportunity_skills}. */
  static List<Map<String, Object>> skills(JsonNode opportunity) {
    List<Map<String, Object>> skills = new ArrayList<>();
    opportunity
        .path("requiredSkills")
        .forEach(
            skill ->
                skills.add(
                    Map.of(
                        "code",
                        skill.path("code").asString(),
                        "weight",
                        BigDecimal.valueOf(skill.path("weight").asDouble()))));
    return skills;
  }

  @Override
  public <T> @Nullable T get(int index, Class<T> type) {
    throw new UnsupportedOperationException("a file row is read by column name");
  }

  @Override
  public <T> @Nullable T get(String name, Class<T> type) {
    return type.cast(
        switch (name) {
          case "id" -> UUID.fromString(opportunity.path("id").asString());
          case "organization_id" -> UUID.fromString(opportunity.path("organizationId").asString());
          case "org_name_ar" ->
              organization == null ? null : organization.path("nameAr").asString(null);
          case "org_name_en" ->
              organization == null ? null : organization.path("nameEn").asString(null);
          case "org_verified" -> organization != null && organization.path("verified").asBoolean();
          case "title_ar" -> text("titleAr");
          case "title_en" -> text("titleEn");
          case "description_ar" -> text("descriptionAr");
          case "description_en" -> text("descriptionEn");
          case "field_code" -> text("fieldCode");
          case "city_code" -> text("cityCode");
          case "mode", "gender", "status" -> text(name);
          case "lat", "lon" ->
              opportunity.path(name).isNumber() ? opportunity.path(name).asDouble() : null;
          case "starts_at" -> instant("startsAt");
          case "ends_at" -> instant("endsAt");
          case "published_at" -> instant("publishedAt");
          case "updated_at" -> instant("startsAt");
          case "hours" -> BigDecimal.valueOf(opportunity.path("hours").asDouble());
          case "seats" -> opportunity.path("seats").asInt();
          case "seats_taken" -> opportunity.path("seatsTaken").asInt();
          case "min_age" -> number("minAge");
          case "max_age" -> number("maxAge");
          default ->
              throw new IllegalArgumentException("no column " + name + " in a data set line");
        });
  }

  private @Nullable String text(String field) {
    JsonNode value = opportunity.path(field);
    return value.isString() ? value.asString() : null;
  }

  private @Nullable Integer number(String field) {
    JsonNode value = opportunity.path(field);
    return value.isNumber() ? value.asInt() : null;
  }

  private @Nullable Instant instant(String field) {
    String value = text(field);
    return value == null ? null : Instant.parse(value);
  }
}
