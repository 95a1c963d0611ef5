package sa.volunteering.bench.sidebyside;

/** One build under comparison: what the report calls it, where it answers, its process. */
record Side(String name, String base, long pid) {

  /** The process's CPU time so far, in seconds. */
  double cpuSeconds() {
    return ProcessHandle.of(pid)
        .flatMap(process -> process.info().totalCpuDuration())
        .map(duration -> duration.toNanos() / 1e9)
        .orElseThrow(
            () -> new IllegalStateException("no CPU time for " + name + "'s process " + pid));
  }
}
