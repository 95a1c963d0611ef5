package sa.volunteering.tools.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.volunteering.tools.behaviour.LabelledImpressions.Labelled;

/**
 * Lists served by weights that overrate the field and underrate distance, read by people who care
 * about distance and skills and not the field, with position bias: the fit finds it, and does
 * better on the lists it held out.
 */
class WeightFitTest {

  private static final Map<String, Double> SERVED = served();

  @Test
  void learnsWhatDrewPeopleAndDoesBetterOnHeldOutLists() {
    List<Labelled> shown = simulatedLists(3_000, new SplittableRandom(11));

    WeightFit.Result result = WeightFit.fit(shown, SERVED, SERVED, 0.25, 5);

    Map<String, Double> weights = result.matches().weights();
    Map<String, Double> coefficients = result.matches().coefficients();
    assertThat(coefficients.get("skills")).as("drawn at 3").isCloseTo(3, within(0.3));
    assertThat(coefficients.get("distance")).as("drawn at 2.5").isCloseTo(2.5, within(0.3));
    assertThat(coefficients.get("field")).as("drew nobody").isCloseTo(0, within(0.25));
    assertThat(coefficients.get("intercept")).isCloseTo(-3, within(0.3));
    assertThat(weights.get("distance") / weights.get("skills"))
        .as("distance against skills, served at 0.1 / 4.0, drawn at 2.5 / 3")
        .isGreaterThan(0.6);
    assertThat(result.matches().lookedAtRank10())
        .as("position bias, drawn at rank^-0.8: 10^-0.8")
        .isCloseTo(Math.pow(10, -0.8), within(0.04));
    assertThat(result.matches().judgedLists()).isGreaterThan(300);
    assertThat(result.matches().fittedDcg()).isGreaterThan(result.matches().servedDcg() * 1.05);
    double total =
        WeightFit.MATCHES.stream().mapToDouble(c -> weights.get(WeightNames.configured(c))).sum();
    double servedTotal =
        WeightFit.MATCHES.stream().mapToDouble(c -> SERVED.get(WeightNames.configured(c))).sum();
    assertThat(total).as("scaled to the served total").isCloseTo(servedTotal, within(0.01));
    assertThat(weights.get("exposure")).as("a policy, kept").isEqualTo(0.5);
    assertThat(weights.get("text")).isEqualTo(1.0);
    assertThat(weights.get("related-skill-credit")).isEqualTo(0.5);
  }

  @Test
  void aComponentServedAtZeroStaysZeroAndTheFileIsTheServicesConfiguration() {
    Map<String, Double> served = new LinkedHashMap<>(SERVED);
    served.put("urgency", 0.0);
    WeightFit.Result result =
        WeightFit.fit(simulatedLists(500, new SplittableRandom(3)), served, SERVED, 0.2, 1);

    assertThat(result.matches().weights().get("urgency")).isZero();
    assertThat(result.candidates().fitted()).as("no candidates list to learn from").isFalse();
    assertThat(result.candidates().weights()).isEqualTo(SERVED);
    String yaml = FittedWeightsFile.yaml(result, java.time.Instant.EPOCH);
    assertThat(yaml)
        .contains("app:\n  matching:\n    weights:\n")
        .contains("      urgency: 0.000\n")
        .contains("    candidate-weights:\n")
        .contains("      exposure: 0.500\n");
  }

  @Test
  void noOutcomeIsNothingToLearnFrom() {
    List<Labelled> none =
        List.of(new Labelled(UUID.randomUUID(), false, 1, Map.of("skills", 4.0), false));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WeightFit.fit(none, SERVED, SERVED, 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no outcome");
  }

  /**
   * Lists of 20 results of 60 drawn, served in the order of the served weights; the reader looks at
   * rank r with chance r^-0.8 and takes a result with log-odds -3 + 3 skills + 2.5 closeness.
   */
  private static List<Labelled> simulatedLists(int lists, SplittableRandom random) {
    List<Labelled> all = new ArrayList<>();
    for (int l = 0; l < lists; l++) {
      UUID list = new UUID(random.nextLong(), random.nextLong());
      List<double[]> pool = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        pool.add(new double[] {random.nextDouble(), random.nextInt(2), random.nextDouble(), 0});
      }
      for (double[] values : pool) {
        values[3] =
            4.0 * values[0] + SERVED.get("field") * values[1] + SERVED.get("distance") * values[2];
      }
      pool.sort(Comparator.comparingDouble((double[] values) -> -values[3]));
      for (int rank = 1; rank <= 20; rank++) {
        double[] values = pool.get(rank - 1);
        boolean looked = random.nextDouble() < Math.pow(rank, -0.8);
        double logit = -3 + 3 * values[0] + 2.5 * values[2];
        boolean taken = looked && random.nextDouble() < 1 / (1 + Math.exp(-logit));
        Map<String, Double> points = new LinkedHashMap<>();
        points.put("skills", 4.0 * values[0]);
        points.put("field", SERVED.get("field") * values[1]);
        points.put("distance", SERVED.get("distance") * values[2]);
        points.put("tiebreak", random.nextDouble() * 1e-4);
        all.add(new Labelled(list, false, rank, points, taken));
      }
    }
    return all;
  }

  private static Map<String, Double> served() {
    Map<String, Double> served = new LinkedHashMap<>();
    served.put("skills", 4.0);
    served.put("related-skill-credit", 0.5);
    served.put("field", 3.0);
    served.put("city", 1.0);
    served.put("distance", 0.1);
    served.put("language", 0.5);
    served.put("freshness", 0.5);
    served.put("capacity", 0.5);
    served.put("urgency", 0.5);
    served.put("verified", 0.25);
    served.put("weekdays", 0.25);
    served.put("experience", 0.5);
    served.put("past-field", 0.5);
    served.put("past-organization", 0.5);
    served.put("track-record", 0.5);
    served.put("exposure", 0.5);
    served.put("text", 1.0);
    return served;
  }
}
