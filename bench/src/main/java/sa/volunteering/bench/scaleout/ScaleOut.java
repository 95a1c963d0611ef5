package sa.volunteering.bench.scaleout;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * Elasticsearch spent in CPU per request answered, and what the instances spend idle: the figures a
 * sizing guide multiplies.
 */
@Component
class ScaleOut implements Measurement {

  private static final int MAX_IN_FLIGHT = 256;
  private static final double WARM_UP_RATE = 40;

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

  /** The impressions the instances write, and the autovacuum they set off, are the load's own. */
  @Override
  public Set<String> ownWork() {
    return Set.of("PostgreSQL");
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
      // every instance in rotation as warm as one alone would be (its compilers done with the mix)
      // before the first step: the balancer gives each a share of the warm-up
      OpenLoad.run(
          bench.http(),
          "warm-up",
          requests,
          WARM_UP_RATE,
          bench.scale().suiteWarmUp().multipliedBy(inRotation),
          MAX_IN_FLIGHT);
      double idle = idleCpu(serving, bench.scale().perRate());
      Step best = null;
      for (double rate : rates) {
        Step step = step(bench, requests, serving, rate, idle);
        steps.add(step.row(inRotation, bound));
        if (!step.held(bound)) {
          break;
        }
        best = step;
      }
      summary.add(summaryRow(inRotation, best, idle));
    }
    return new Report.Section(
            "Scale-out: " + workload.name() + " through the balancer with 3, 2 and 1 instances")
        .paragraph(
            "bin/scale-out: three instances of this build on the stack's data behind HAProxy"
                + " (deploy/haproxy/haproxy.cfg), then two, then one (each leaves rotation by SIGTERM,"
                + " drained). At each number the instances in rotation are warmed up ("
                + bench.scale().suiteWarmUp().toSeconds()
                + " s per instance at "
                + Report.number(WARM_UP_RATE)
                + " requests a second), left idle for "
                + bench.scale().perRate().toSeconds()
                + " s (what they spend on their own: background jobs, the JVM), then the rate steps"
                + " up ("
                + bench.scale().perRate().toSeconds()
                + " s each) until the p99 passes "
                + Report.number(bound)
                + " ms or a request fails. Service CPU per request: the instances' processes together"
                + " per request answered in the step; marginal: less what they spend idle in the same"
                + " time. Elasticsearch: every node's, per request. All of it shares this machine's"
                + " two processors, so more instances cannot add throughput here: the marginal CPU per"
                + " request and the idle CPU per instance are what size a larger deployment.")
        .table(
            List.of(
                "instances",
                "highest rate held (req/s)",
                "p50 / p99 there (ms)",
                "service CPU per request (ms)",
                "marginal (ms)",
                "Elasticsearch CPU per request (ms)",
                "idle CPU per instance (% of a core)"),
            summary)
        .table(
            List.of(
                "instances",
                "rate (req/s)",
                "p50 (ms)",
                "p99 (ms)",
                "errors or overloaded",
                "service CPU / request (ms)",
                "marginal (ms)",
                "Elasticsearch CPU / request (ms)",
                "p99 within bound"),
            steps);
  }

  private record Step(
      OpenLoad.Result result, double serviceMs, double marginalMs, double elasticsearchMs) {

    boolean held(double bound) {
      return result.millis(99) <= bound && result.errors() == 0 && result.overloaded() == 0;
    }

    List<String> row(int inRotation, double bound) {
      return List.of(
          String.valueOf(inRotation),
          Report.number(result.rate()),
          Report.number(result.millis(50)),
          Report.number(result.millis(99)),
          String.valueOf(result.errors() + result.overloaded()),
          Report.number(serviceMs),
          Report.number(marginalMs),
          Report.number(elasticsearchMs),
          held(bound) ? "held" : "missed");
    }
  }

  private static List<String> summaryRow(int inRotation, @Nullable Step best, double idle) {
    String idlePerInstance = Report.number(100 * idle / inRotation);
    if (best == null) {
      return List.of(String.valueOf(inRotation), "none", "", "", "", "", idlePerInstance);
    }
    return List.of(
        String.valueOf(inRotation),
        Report.number(best.result().rate()),
        Report.number(best.result().millis(50)) + " / " + Report.number(best.result().millis(99)),
        Report.number(best.serviceMs()),
        Report.number(best.marginalMs()),
        Report.number(best.elasticsearchMs()),
        idlePerInstance);
  }

  private Step step(
      Bench bench, List<HttpRequest> requests, List<Long> serving, double rate, double idle)
      throws Exception {
    double service = cpu(serving);
    double elasticsearch = Cpu.elasticsearch(bench.http(), bench.elasticsearch());
    OpenLoad.Result result =
        OpenLoad.run(
            bench.http(), "scale-out", requests, rate, bench.scale().perRate(), MAX_IN_FLIGHT);
    long answered = Math.max(1, result.histogram().getTotalCount() - result.errors());
    double spent = cpu(serving) - service;
    return new Step(
        result,
        1000 * spent / answered,
        1000 * (spent - idle * result.seconds()) / answered,
        1000 * (Cpu.elasticsearch(bench.http(), bench.elasticsearch()) - elasticsearch) / answered);
  }

  /** CPU seconds a second the instances spend together with no request to answer. */
  private static double idleCpu(List<Long> serving, Duration during) throws InterruptedException {
    double before = cpu(serving);
    long start = System.nanoTime();
    Thread.sleep(during);
    return (cpu(serving) - before) / ((System.nanoTime() - start) / 1e9);
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
