package sa.volunteering.bench.scaleout;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Cpu;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Report;
import sa.volunteering.bench.Workload;

/**
 * The highest rate a mix keeps its p99 within a bound at, through the balancer, with three
 * instances in rotation, then two, then one ({@code bin/scale-out} starts them and HAProxy; an
 * instance leaves rotation by SIGTERM, as in a drain). Each step also says what the instances and
 * Elasticsearch spent in CPU per request answered: the figure a sizing guide multiplies.
 */
@Component
class ScaleOut implements Measurement {

  private static final int MAX_IN_FLIGHT = 256;

  private final List<Workload> workloads;
  private final Environment environment;

  ScaleOut(List<Workload> workloads, Environment environment) {
    this.workloads = workloads;
    this.environment = environment;
  }

  @Override
  public int order() {
    return 95;
  }

  @Override
  public boolean onRequestOnly() {
    return true;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    String balancer = environment.getRequiredProperty("scale-out.balancer");
    List<Long> pids =
        Arrays.stream(environment.getRequiredProperty("scale-out.pids").split(","))
            .map(String::strip)
            .map(Long::valueOf)
            .toList();
    double bound = environment.getProperty("scale-out.p99-ms", Double.class, 100.0);
    Workload workload = chosen();
    List<HttpRequest> requests = workload.requests(balancer);
    List<Double> rates = bench.scale().ceilingRates();
    List<List<String>> steps = new ArrayList<>();
    List<List<String>> summary = new ArrayList<>();
    for (int inRotation = pids.size(); inRotation >= 1; inRotation--) {
      List<Long> serving = pids.subList(0, inRotation);
      if (inRotation < pids.size()) {
        drain(pids.get(inRotation));
      }
      OpenLoad.run(
          bench.http(),
          "warm-up",
          requests,
          rates.getFirst(),
          bench.scale().warmUp(),
          MAX_IN_FLIGHT);
      Step best = null;
      for (double rate : rates) {
        Step step = step(bench, requests, serving, rate);
        boolean held = step.held(bound);
        steps.add(
            List.of(
                String.valueOf(inRotation),
                Report.number(rate),
                Report.number(step.result().millis(50)),
                Report.number(step.result().millis(99)),
                String.valueOf(step.result().errors() + step.result().overloaded()),
                Report.number(step.serviceMs()),
                Report.number(step.elasticsearchMs()),
                held ? "held" : "missed"));
        if (!held) {
          break;
        }
        best = step;
      }
      summary.add(
          best == null
              ? List.of(String.valueOf(inRotation), "none", "", "", "")
              : List.of(
                  String.valueOf(inRotation),
                  Report.number(best.result().rate()),
                  Report.number(best.result().millis(50))
                      + " / "
                      + Report.number(best.result().millis(99)),
                  Report.number(best.serviceMs()),
                  Report.number(best.elasticsearchMs())));
    }
    return new Report.Section(
            "Scale-out: " + workload.name() + " through the balancer with 3, 2 and 1 instances")
        .paragraph(
            "bin/scale-out: three instances of this build on the stack's data behind HAProxy"
                + " (deploy/haproxy/haproxy.cfg), then two, then one (each leaves rotation by SIGTERM,"
                + " drained). At each number the rate steps up ("
                + bench.scale().perRate().toSeconds()
                + " s each, after a warm-up) until the p99 passes "
                + Report.number(bound)
                + " ms or a request fails. CPU per request: the instances' processes together, and"
                + " every Elasticsearch node, per request answered in the step. All of it shares this"
                + " machine's processors, so more instances cannot add throughput here; the CPU per"
                + " request is what sizes a larger deployment.")
        .table(
            List.of(
                "instances",
                "highest rate held (req/s)",
                "p50 / p99 there (ms)",
                "service CPU per request (ms)",
                "Elasticsearch CPU per request (ms)"),
            summary)
        .table(
            List.of(
                "instances",
                "rate (req/s)",
                "p50 (ms)",
                "p99 (ms)",
                "errors or overloaded",
                "service CPU / request (ms)",
                "Elasticsearch CPU / request (ms)",
                "p99 within bound"),
            steps);
  }

  private record Step(OpenLoad.Result result, double serviceMs, double elasticsearchMs) {
    boolean held(double bound) {
      return result.millis(99) <= bound && result.errors() == 0 && result.overloaded() == 0;
    }
  }

  private Step step(Bench bench, List<HttpRequest> requests, List<Long> serving, double rate)
      throws Exception {
    double service = cpu(serving);
    double elasticsearch = Cpu.elasticsearch(bench.http(), bench.elasticsearch());
    OpenLoad.Result result =
        OpenLoad.run(
            bench.http(), "scale-out", requests, rate, bench.scale().perRate(), MAX_IN_FLIGHT);
    long answered = Math.max(1, result.histogram().getTotalCount() - result.errors());
    return new Step(
        result,
        1000 * (cpu(serving) - service) / answered,
        1000 * (Cpu.elasticsearch(bench.http(), bench.elasticsearch()) - elasticsearch) / answered);
  }

  /** CPU seconds the processes have spent so far, together. */
  private static double cpu(List<Long> pids) {
    double seconds = 0;
    for (long pid : pids) {
      seconds +=
          ProcessHandle.of(pid)
              .flatMap(process -> process.info().totalCpuDuration())
              .map(duration -> duration.toNanos() / 1e9)
              .orElseThrow(() -> new IllegalStateException("instance process " + pid + " is gone"));
    }
    return seconds;
  }

  /** SIGTERM, then waits until the process is gone: the balancer's checks took it out meanwhile. */
  private static void drain(long pid) throws Exception {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      return;
    }
    process.get().destroy();
    process.get().onExit().get(60, TimeUnit.SECONDS);
  }

  private Workload chosen() {
    String key = environment.getProperty("scale-out.mix", "search");
    return workloads.stream()
        .filter(workload -> workload.key().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "scale-out.mix names none of "
                        + workloads.stream().map(Workload::key).toList()));
  }
}
