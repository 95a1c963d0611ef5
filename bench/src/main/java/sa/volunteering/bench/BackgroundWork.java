package sa.volunteering.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import sa.volunteering.tools.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the stack does besides a measurement (decision 0020): changes waiting in the outbox or to be
 * folded into the indicators, vacuum and analyze, Elasticsearch's merges, and how busy the
 * machine's processors are. The suite waits for all of it to be done before a measurement, and a
 * measurement during which any of it ran is not a result.
 */
@Component
public class BackgroundWork {

  /** How busy the processors may be on a settled machine: at most 15 % of their time. */
  public static final double QUIET = 0.15;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofSeconds(2);
  private static final String STATE =
      "select"
          + " (select count(*) from outbox where processed_at is null and parked_at is null) as outbox_pending,"
          + " (select coalesce(max(id), 0) from outbox) as outbox_last,"
          + " (select count(*) from indicator_changes) as changes_pending,"
          + " (select case when is_called then last_value else 0 end from indicator_changes_id_seq) as changes_last,"
          + " (select coalesce(sum(vacuum_count + autovacuum_count + analyze_count + autoanalyze_count), 0)::bigint"
          + "  from pg_stat_user_tables) as vacuums_done,"
          + " (select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'"
          + "  or (state = 'active' and (query ilike 'vacuum%' or query ilike 'analyze%'))) as vacuums_running";

  private final DatabaseClient database;

  BackgroundWork(DatabaseClient database) {
    this.database = database;
  }

  /** The state of the stack and of the machine now. Blocks: for the suite's own thread. */
  public Snapshot snapshot(HttpClient http, String elasticsearch)
      throws IOException, InterruptedException {
    CommandLine.requireBlockingThread();
    Map<String, Object> row =
        Objects.requireNonNull(
            CommandLine.await(database.sql(STATE).fetch().one(), Duration.ofSeconds(30)));
    JsonNode merges =
        JSON.readTree(Http.send(http, "GET", elasticsearch + "/_nodes/stats/indices/merge", null))
            .path("nodes");
    long mergesRunning = 0;
    long mergesDone = 0;
    for (JsonNode node : merges) {
      mergesRunning += node.path("indices").path("merges").path("current").asLong();
      mergesDone += node.path("indices").path("merges").path("total").asLong();
    }
    return new Snapshot(
        number(row, "outbox_pending"),
        number(row, "outbox_last"),
        number(row, "changes_pending"),
        number(row, "changes_last"),
        number(row, "vacuums_done"),
        number(row, "vacuums_running"),
        mergesRunning,
        mergesDone,
        Machine.read());
  }

  /**
   * Waits until nothing is pending, nothing runs, and the processors were at most {@code quietBusy}
   * busy over the last poll, for at most {@code patience}; says what it waited for, and whether the
   * stack settled in time.
   */
  public Settling awaitSettled(
      HttpClient http, String elasticsearch, Duration patience, double quietBusy)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    Map<String, String> seen = new LinkedHashMap<>();
    Snapshot previous = snapshot(http, elasticsearch);
    while (true) {
      CommandLine.pause(POLL);
      Snapshot now = snapshot(http, elasticsearch);
      List<String> busy = now.busy(previous, quietBusy);
      busy.forEach(
          reason ->
              seen.putIfAbsent(reason.substring(0, Math.max(reason.indexOf(':'), 0)), reason));
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      if (busy.isEmpty() || waited.compareTo(patience) >= 0) {
        return new Settling(
            busy.isEmpty(), waited, busy.isEmpty() ? List.copyOf(seen.values()) : busy, now);
      }
      previous = now;
    }
  }

  /**
   * The outcome of waiting for a settled stack: settled in time or not, how long it took, what was
   * seen busy (the first sighting of each kind when it settled, what was still busy when it did
   * not), and the last snapshot.
   */
  public record Settling(boolean settled, Duration waited, List<String> seen, Snapshot last) {}

  /** The counters background work moves, and the machine's processor times. */
  public record Snapshot(
      long outboxPending,
      long outboxLast,
      long changesPending,
      long changesLast,
      long vacuumsDone,
      long vacuumsRunning,
      long mergesRunning,
      long mergesDone,
      Machine machine) {

    /**
     * What ran between {@code before} and this snapshot, or is still waiting; empty when nothing
     * did.
     */
    public List<String> ranSince(Snapshot before) {
      List<String> ran = new ArrayList<>();
      if (outboxLast != before.outboxLast
          || outboxPending != before.outboxPending
          || outboxPending > 0) {
        ran.add(
            "outbox: "
                + (outboxLast - before.outboxLast)
                + " changes written, "
                + outboxPending
                + " waiting");
      }
      if (changesLast != before.changesLast
          || changesPending != before.changesPending
          || changesPending > 0) {
        ran.add(
            "indicators: "
                + (changesLast - before.changesLast)
                + " changes appended, "
                + changesPending
                + " waiting to be folded");
      }
      if (vacuumsDone != before.vacuumsDone || vacuumsRunning > 0 || before.vacuumsRunning > 0) {
        ran.add(
            "PostgreSQL: "
                + (vacuumsDone - before.vacuumsDone)
                + " vacuums or analyzes done, "
                + vacuumsRunning
                + " running");
      }
      return ran;
    }

    /**
     * Why the stack is not settled now: pending or running work, or processors busier than {@code
     * quietBusy} since {@code before}.
     */
    List<String> busy(Snapshot before, double quietBusy) {
      List<String> busy = new ArrayList<>(ranSince(before));
      if (mergesRunning > 0) {
        busy.add("Elasticsearch: " + mergesRunning + " merges running");
      }
      double share = machine.busySince(before.machine);
      if (share > quietBusy) {
        busy.add(
            String.format(
                Locale.ROOT,
                "processors: %.0f%% busy (quiet is at most %.0f%%)",
                100 * share,
                100 * quietBusy));
      }
      return busy;
    }
  }

  /**
   * The machine's processor times (all processors, from /proc/stat) and load averages; zeros where
   * the system has no /proc.
   */
  public record Machine(long busyTicks, long allTicks, String loadAverage) {

    static Machine read() {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < cpu.length; i++) {
          all += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
        String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return new Machine(all - idle, all, load[0] + " / " + load[1] + " / " + load[2]);
      } catch (IOException | RuntimeException noProc) {
        return new Machine(0, 0, "unknown");
      }
    }

    /** The share of processor time spent busy since {@code before}, 0 to 1. */
    public double busySince(Machine before) {
      long all = allTicks - before.allTicks;
      return all <= 0 ? 0 : (double) (busyTicks - before.busyTicks) / all;
    }
  }

  private static long number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value instanceof Number number ? number.longValue() : 0;
  }
}
