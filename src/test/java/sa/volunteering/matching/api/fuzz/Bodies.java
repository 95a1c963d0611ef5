package sa.volunteering.matching.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.volunteering.matching.support.Fixtures;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies: a valid one for the endpoint, then as often as not broken in one way or another.
 */
final class Bodies {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Bodies() {}

  static Map<String, Object> template(String kind) {
    return switch (kind) {
      case "organization" ->
          withVersion(Fixtures.organizationBody("جمعية الاختبار", "Test society"));
      case "opportunity" -> withVersion(Fixtures.opportunityBody(5));
      case "profile" -> withVersion(Fixtures.profileBody(null));
      case "registration" -> new LinkedHashMap<>(Fixtures.registrationBody(Fixtures.nationalId()));
      case "hours" ->
          new LinkedHashMap<>(Map.of("workedOn", "2026-11-01", "hours", 3, "note", "استقبال"));
      case "dispute" -> new LinkedHashMap<>(Map.of("reason", "لم أحضر ذلك اليوم"));
      case "apply" -> new LinkedHashMap<>(Map.of("motivation", "أحب خدمة الزوار"));
      case "reindex" -> new LinkedHashMap<>(Map.of("index", "opportunities"));
      default -> new LinkedHashMap<>();
    };
  }

  /** The body's bytes: valid, one field broken, a field added, or not JSON at all. */
  static byte[] of(String kind, Inputs inputs) {
    Map<String, Object> body = template(kind);
    int mutation = inputs.between(0, 9);
    switch (mutation) {
      case 0, 1, 2 -> {}
      case 3 -> removeOne(body, inputs);
      case 4, 5 -> replaceOne(body, inputs);
      case 6 ->
          body.put(
              inputs.oneOf(
                  List.of(
                      "id", "status", "admin", "roles", "__proto__", "organizationId", "extra")),
              anyValue(inputs));
      case 7 -> {
        return garbage(inputs);
      }
      case 8 -> {
        byte[] json = JSON.writeValueAsBytes(body);
        return java.util.Arrays.copyOf(json, inputs.between(0, json.length));
      }
      default -> replaceOne(body, inputs);
    }
    return JSON.writeValueAsBytes(body);
  }

  private static void removeOne(Map<String, Object> body, Inputs inputs) {
    if (!body.isEmpty()) {
      body.remove(inputs.oneOf(new ArrayList<>(body.keySet())));
    }
  }

  private static void replaceOne(Map<String, Object> body, Inputs inputs) {
    if (!body.isEmpty()) {
      body.put(inputs.oneOf(new ArrayList<>(body.keySet())), anyValue(inputs));
    }
  }

  private static Object anyValue(Inputs inputs) {
    return switch (inputs.between(0, 8)) {
      case 0 -> inputs.text();
      case 1 -> inputs.chance(0.5) ? Long.MAX_VALUE : -1;
      case 2 -> new java.math.BigDecimal("1e400");
      case 3 -> List.of(inputs.text(), 1, Map.of());
      case 4 -> Map.of("nested", inputs.text());
      case 5 -> inputs.chance(0.5);
      case 6 -> 0.000001;
      case 7 -> "x".repeat(inputs.between(1_000, 20_000));
      default -> java.util.Collections.singletonMap("null", null);
    };
  }

  private static byte[] garbage(Inputs inputs) {
    return switch (inputs.between(0, 5)) {
      case 0 -> new byte[0];
      case 1 -> "[".repeat(inputs.between(100, 5_000)).getBytes(StandardCharsets.UTF_8);
      case 2 -> ("{\"a\":\"" + "ب".repeat(150_000) + "\"}").getBytes(StandardCharsets.UTF_8);
      case 3 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 0, '{'};
      case 4 -> "{\"a\":1,\"a\":2,".getBytes(StandardCharsets.UTF_8);
      default -> inputs.text().getBytes(StandardCharsets.UTF_8);
    };
  }

  private static Map<String, Object> withVersion(Map<String, Object> body) {
    Map<String, Object> versioned = new LinkedHashMap<>(body);
    versioned.put("version", 1);
    return versioned;
  }
}
