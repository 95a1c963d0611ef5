package sa.volunteering.matching.search.stream;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.system.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A place in a sorted result: the sort values of a hit, the id last. Opaque to clients (URL-safe
 * base64 of a small JSON object); a stream resumes after it in a new point in time with no
 * duplicate and no gap, because every sort ends on the unique id. The tiebreaker Elasticsearch adds
 * to every point-in-time sort ({@code _shard_doc}) belongs to one point in time, so it is left out
 * and resumed from its highest value.
 *
 * @param asOf for a ranked stream whose scores depend on the time (recency, urgency), the time it
 *     scored with: the resumed stream scores with it again, on whatever instance, so that a score
 *     that decayed meanwhile does not move a hit across the cursor (sent twice, or never)
 */
public record Cursor(String sort, List<FieldValue> after, @Nullable Instant asOf) {

  public Cursor(String sort, List<FieldValue> after) {
    this(sort, after, null);
  }

  private static final int MAX_LENGTH = 1024;

  public String encode(JsonMapper json) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("s", sort);
    body.put("a", after.stream().limit(2).map(value -> plain(value, json)).toList());
    if (asOf != null) {
      body.put("t", asOf.toEpochMilli());
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(body));
  }

  /** Reads a cursor a client sent back; it must come from a stream of the same sort. */
  public static Cursor decode(String token, String expected, String parameter, JsonMapper json) {
    if (token.length() > MAX_LENGTH) {
      throw invalid(parameter, "is longer than any cursor this service writes");
    }
    JsonNode body;
    try {
      body =
          json.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid(parameter, "is not a cursor this service wrote");
    }
    JsonNode values = body.path("a");
    if (!expected.equals(body.path("s").asString(""))) {
      throw invalid(parameter, "belongs to a stream sorted another way; resume with the same sort");
    }
    if (!values.isArray()
        || values.size() != 2
        || !values.get(0).isNumber()
        || !values.get(1).isString()) {
      throw invalid(parameter, "is not a cursor this service wrote");
    }
    List<FieldValue> after = new ArrayList<>(2);
    JsonNode first = values.get(0);
    after.add(
        first.isIntegralNumber() ? FieldValue.of(first.asLong()) : FieldValue.of(first.asDouble()));
    after.add(FieldValue.of(values.get(1).asString()));
    JsonNode asOf = body.path("t");
    if (!asOf.isMissingNode() && !asOf.isIntegralNumber()) {
      throw invalid(parameter, "is not a cursor this service wrote");
    }
    return new Cursor(
        expected,
        List.copyOf(after),
        asOf.isMissingNode() ? null : Instant.ofEpochMilli(asOf.asLong()));
  }

  /** Sort values come back typed, or as raw JSON when the client could not tell their type. */
  private static @Nullable Object plain(FieldValue value, JsonMapper json) {
    return switch (value._kind()) {
      case Long -> value.longValue();
      case Double -> value.doubleValue();
      case String -> value.stringValue();
      case Boolean -> value.booleanValue();
      case Null -> null;
      case Any -> json.readTree(value.anyValue().toJson().toString());
    };
  }

  /**
   * The values to search after in a new point in time: after every document of that sort and id.
   */
  public List<FieldValue> inNewPointInTime() {
    return List.of(after.get(0), after.get(1), FieldValue.of(Long.MAX_VALUE));
  }

  public static @Nullable Cursor decodeIfPresent(
      @Nullable String token, String expected, String parameter, JsonMapper json) {
    return token == null || token.isBlank()
        ? null
        : decode(token.strip(), expected, parameter, json);
  }

  private static RuntimeException invalid(String parameter, String message) {
    return Problems.invalidField(parameter, "Cursor", parameter + ": " + message);
  }
}
