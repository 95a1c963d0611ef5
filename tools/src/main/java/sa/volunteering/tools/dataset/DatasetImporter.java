package sa.volunteering.tools.dataset;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.application.WorkedDays;
import sa.volunteering.matching.security.NationalIdHasher;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.PostgresConnections;
import sa.volunteering.matching.taxonomy.Taxonomy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@code organizations.ndjson}, {@code opportunities.ndjson} and {@code volunteers.ndjson}
 * (docs/dataset.md) into PostgreSQL with COPY, in one transaction: a file is loaded whole or not at
 * all. Every line is checked first; a refused line is reported with its number and reason, and
 * either skipped or, when {@code rejectOnProblem}, the whole import is refused. Imports write no
 * outbox rows: a full reindex follows. By default the counting triggers stay quiet and the
 * indicator summaries are rebuilt from the tables before the transaction commits (decision 0020).
 * Files are read on {@code boundedElastic} as the COPY stream asks for more.
 */
@Component
public class DatasetImporter {

  private static final Logger log = LoggerFactory.getLogger(DatasetImporter.class);
  private static final int COPY_CHUNK = 5_000;
  private static final String LOADED =
      "organizations, opportunities, opportunity_skills, volunteers, applications, volunteer_hours";
  private static final String SUMMARIES =
      "indicator_changes, indicator_months, indicator_totals, volunteer_activity, offered_fields";
  private static final String OPPORTUNITY_COLUMNS =
      "id, organization_id, title_ar, title_en, description_ar, description_en, field_code, city_code, lat, lon,"
          + " mode, starts_at, ends_at, hours, seats, seats_taken, gender, min_age, max_age, status, published_at,"
          + " closed_at";
  private static final String VOLUNTEER_COLUMNS =
      "id, national_id_hash, full_name, phone, email, city_code, lat, lon, skill_codes,"
          + " field_codes, languages, available_from, available_to, weekdays, travel_km, remote_ok, gender, birth_date";

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final Taxonomy taxonomy;
  private final NationalIdHasher nationalIds;
  private final JsonMapper json;

  DatasetImporter(
      DatabaseClient database,
      TransactionalOperator transaction,
      Taxonomy taxonomy,
      NationalIdHasher nationalIds,
      JsonMapper json) {
    this.database = database;
    this.transaction = transaction;
    this.taxonomy = taxonomy;
    this.nationalIds = nationalIds;
    this.json = json;
  }

  /**
   * Imports the files of {@code directory}; nothing happens before subscription. File reading runs
   * on {@code boundedElastic}, the COPY round trips are awaited reactively: no thread is blocked.
   */
  public Mono<ImportReport> load(Path directory, boolean rejectOnProblem) {
    return load(directory, rejectOnProblem, IndicatorUpdate.REBUILD);
  }

  /**
   * Imports the files of {@code directory}, bringing the indicator summaries up to date as {@code
   * indicators} says: rebuilt from the tables in the import's own transaction, or folded later
   * change by change as any write is.
   */
  public Mono<ImportReport> load(
      Path directory, boolean rejectOnProblem, IndicatorUpdate indicators) {
    ImportReport report = new ImportReport();
    Mono<Void> work =
        ids("select id from organizations")
            .flatMap(
                organizations ->
                    database.inConnection(
                        connection -> {
                          PostgresqlConnection postgres = PostgresConnections.unwrap(connection);
                          return organizations(
                                  postgres, directory, organizations, report, rejectOnProblem)
                              .then(opportunities(postgres, directory, report, rejectOnProblem))
                              .then(volunteers(postgres, directory, report, rejectOnProblem))
                              .then(applications(postgres, directory, report, rejectOnProblem));
                        }));
    boolean rebuilding = indicators == IndicatorUpdate.REBUILD;
    Mono<Void> quietTriggers =
        rebuilding ? database.sql("set local indicators.bulk_load = 'on'").then() : Mono.empty();
    // the rebuild reads the tables just loaded: statistics first (ANALYZE sees the transaction's
    // own rows), or the
    // planner takes million-row tables for the empty ones they were
    Mono<Void> rebuild =
        rebuilding
            ? report.timed(
                "indicator summaries rebuilt",
                database
                    .sql("analyze " + LOADED)
                    .then()
                    .then(database.sql("select rebuild_indicators()").then()))
            : Mono.empty();
    return quietTriggers
        .then(
            database
                .sql(
                    "create temporary table if not exists import_skills (line bigint, skills jsonb) on commit drop")
                .then())
        .then(
            database
                .sql(
                    "create temporary table if not exists import_opportunities (line bigint, like opportunities including defaults including constraints) on commit drop")
                .then())
        .then(
            database
                .sql(
                    "create temporary table if not exists import_volunteers (line bigint, like volunteers including defaults including constraints) on commit drop")
                .then())
        .then(
            database
                .sql(
                    "create temporary table if not exists import_applications (line bigint, like applications including defaults including constraints) on commit drop")
                .then())
        .then(
            database
                .sql(
                    "create temporary table if not exists import_hours (like volunteer_hours including defaults including constraints) on commit drop")
                .then())
        .then(report.timed("rows checked and copied", work))
        .then(rebuild)
        .as(transaction::transactional)
        // Fresh statistics, or the planner takes a million-row table for an empty one; vacuumed
        // now, so that autovacuum
        // finds nothing to do on the fresh tables after the import has returned.
        .then(
            report.timed(
                "tables vacuumed and analyzed",
                database.sql("vacuum (analyze) " + LOADED + ", " + SUMMARIES).then()))
        .then(
            Mono.fromSupplier(
                () -> {
                  log.info(
                      "Imported {} organizations, {} opportunities, {} volunteers, {} applications with {} hour entries; {} lines refused",
                      report.organizations,
                      report.opportunities,
                      report.volunteers,
                      report.applications,
                      report.hourEntries,
                      report.problemCount);
                  return report;
                }));
  }

  /**
   * The organizations already registered: a few thousand ids, bounded by the number of
   * organizations.
   */
  private Mono<Set<UUID>> ids(String sql) {
    return database
        .sql(sql)
        .map(row -> Columns.required(row, "id", UUID.class))
        .all()
        .collect(java.util.stream.Collectors.toCollection(HashSet::new));
  }

  private Mono<Void> organizations(
      PostgresqlConnection postgres,
      Path directory,
      Set<UUID> organizations,
      ImportReport report,
      boolean rejectOnProblem) {
    return copy(
        postgres,
        directory.resolve("organizations.ndjson"),
        report,
        rejectOnProblem,
        "organizations (id, name_ar, name_en, city_code, kind, verified)",
        null,
        null,
        (node, rows, line) -> {
          UUID id = uuid(node, "id");
          if (!organizations.add(id)) {
            throw new IllegalArgumentException("organization " + id + " already exists");
          }
          rows.row(
              id,
              text(node, "nameAr", 1, 200),
              text(node, "nameEn", 1, 200),
              code(taxonomy.cities().contains(node.path("cityCode").asString()), node, "cityCode"),
              oneOf(
                  node,
                  "kind",
                  List.of("government", "nonprofit", "private", "academic", "community")),
              node.path("verified").asBoolean());
          report.organizations++;
        });
  }

  /**
   * Stages the opportunities, refuses by line those whose id exists (in the table or earlier in the
   * file) or whose organization does not, then moves the rest and their skills in. The checks run
   * in PostgreSQL: nothing here holds the data set's ids.
   */
  private Mono<Void> opportunities(
      PostgresqlConnection postgres, Path directory, ImportReport report, boolean rejectOnProblem) {
    String file = "opportunities.ndjson";
    CopyRows skillRows = new CopyRows();
    return copy(
            postgres,
            directory.resolve(file),
            report,
            rejectOnProblem,
            "import_opportunities (line, " + OPPORTUNITY_COLUMNS + ")",
            skillRows,
            "import_skills (line, skills)",
            (node, rows, line) -> opportunity(node, rows, line, skillRows, report))
        .then(
            refuse(
                file,
                "delete from import_opportunities where line in (select line from (select line, row_number()"
                    + " over (partition by id order by line) as n from import_opportunities) d where n > 1)"
                    + " or id in (select o.id from opportunities o join import_opportunities i on i.id = o.id)",
                "this opportunity (id) exists already",
                report,
                rejectOnProblem))
        .doOnNext(refused -> report.opportunities -= refused)
        .then(
            refuse(
                file,
                "delete from import_opportunities i where not exists"
                    + " (select 1 from organizations g where g.id = i.organization_id)",
                "organizationId is not a known organization",
                report,
                rejectOnProblem))
        .doOnNext(refused -> report.opportunities -= refused)
        .then(
            database
                .sql(
                    "insert into opportunities ("
                        + OPPORTUNITY_COLUMNS
                        + ") select "
                        + OPPORTUNITY_COLUMNS
                        + " from import_opportunities")
                .then())
        .then(
            database
                .sql(
                    "insert into opportunity_skills (opportunity_id, skill_code, weight)"
                        + " select o.id, skill ->> 'code', (skill ->> 'weight')::numeric from import_skills s"
                        + " join import_opportunities o on o.line = s.line"
                        + " cross join lateral jsonb_array_elements(s.skills) as skill")
                .then())
        .then(database.sql("drop table import_skills").then())
        .then(database.sql("drop table import_opportunities").then());
  }

  /**
   * Stages the volunteers and moves them in, except a national ID met earlier in the file and
   * people already registered (same id or national ID hash), refused by line like any other invalid
   * line.
   */
  private Mono<Void> volunteers(
      PostgresqlConnection postgres, Path directory, ImportReport report, boolean rejectOnProblem) {
    String file = "volunteers.ndjson";
    return copy(
            postgres,
            directory.resolve(file),
            report,
            rejectOnProblem,
            "import_volunteers (line, " + VOLUNTEER_COLUMNS + ")",
            null,
            null,
            (node, rows, line) -> volunteer(node, rows, line, report))
        .then(
            refuse(
                file,
                "delete from import_volunteers where line in (select line from (select line, row_number()"
                    + " over (partition by national_id_hash order by line) as n from import_volunteers) d where n > 1)",
                "nationalId appears twice in the file; a person registers once",
                report,
                rejectOnProblem))
        .doOnNext(refused -> report.volunteers -= refused)
        .then(
            refuse(
                file,
                "delete from import_volunteers i where exists (select 1 from volunteers v"
                    + " where v.national_id_hash = i.national_id_hash or v.id = i.id)",
                "this volunteer (id or nationalId) is already registered",
                report,
                rejectOnProblem))
        .doOnNext(refused -> report.volunteers -= refused)
        .then(
            database
                .sql(
                    "insert into volunteers ("
                        + VOLUNTEER_COLUMNS
                        + ") select "
                        + VOLUNTEER_COLUMNS
                        + " from import_volunteers on conflict do nothing")
                .then())
        .then(database.sql("delete from import_volunteers").then());
  }

  /**
   * Stages the applications and their hours, refuses by line those naming an unknown opportunity or
   * volunteer, a pair met earlier in the file, or an application that exists, then moves the rest
   * in.
   */
  private Mono<Void> applications(
      PostgresqlConnection postgres, Path directory, ImportReport report, boolean rejectOnProblem) {
    String file = "applications.ndjson";
    CopyRows hourRows = new CopyRows();
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put(
        "delete from import_applications i where not exists (select 1 from opportunities o where o.id = i.opportunity_id)",
        "opportunityId is not a known opportunity");
    checks.put(
        "delete from import_applications i where not exists (select 1 from volunteers v where v.id = i.volunteer_id)",
        "volunteerId is not a known volunteer");
    checks.put(
        "delete from import_applications where line in (select line from (select line, row_number()"
            + " over (partition by opportunity_id, volunteer_id order by line) as n from import_applications) d where n > 1)",
        "this volunteer already applied to this opportunity in the file");
    checks.put(
        "delete from import_applications i where exists (select 1 from applications a"
            + " where a.id = i.id or (a.opportunity_id = i.opportunity_id and a.volunteer_id = i.volunteer_id))",
        "this application already exists");
    return copy(
            postgres,
            directory.resolve(file),
            report,
            rejectOnProblem,
            "import_applications (line, id, opportunity_id, volunteer_id, status)",
            hourRows,
            "import_hours (id, application_id, worked_on, hours, status)",
            (node, rows, line) -> application(node, rows, line, hourRows, report))
        .thenMany(
            Flux.fromIterable(checks.entrySet())
                .concatMap(
                    check ->
                        refuse(file, check.getKey(), check.getValue(), report, rejectOnProblem)))
        .doOnNext(refused -> report.applications -= refused)
        .then(
            database
                .sql(
                    "delete from import_hours h where not exists"
                        + " (select 1 from import_applications i where i.id = h.application_id)")
                .then())
        .then(
            database
                .sql("select count(*) as n from import_hours")
                .map(row -> Columns.required(row, "n", Long.class))
                .one()
                .doOnNext(entries -> report.hourEntries = entries))
        .then(
            database
                .sql(
                    "insert into applications (id, opportunity_id, volunteer_id, status)"
                        + " select id, opportunity_id, volunteer_id, status from import_applications")
                .then())
        .then(
            database
                .sql(
                    "insert into volunteer_hours (id, application_id, worked_on, hours, status)"
                        + " select id, application_id, worked_on, hours, status from import_hours")
                .then());
  }

  /**
   * Deletes the staged lines the statement selects, refusing each for the reason, in line order,
   * and answers how many; in reject mode the first of them ends the import.
   */
  private Mono<Long> refuse(
      String file, String delete, String reason, ImportReport report, boolean rejectOnProblem) {
    return database
        .sql(
            "with refused as ("
                + delete
                + " returning line) select line from refused order by line")
        .map(row -> Columns.required(row, "line", Long.class))
        .all()
        .doOnNext(line -> report.refuse(file, line, reason))
        .reduce(new Refused(0, 0), Refused::and)
        .flatMap(
            refused ->
                rejectOnProblem && refused.count() > 0
                    ? Mono.error(
                        new ImportRefusedException(
                            file + " line " + refused.first() + ": " + reason))
                    : Mono.just(refused.count()));
  }

  /**
   * How many lines were refused, and the first of them (lines are numbered from 1), without keeping
   * them all.
   */
  private record Refused(long count, long first) {
    Refused and(long line) {
      return new Refused(count + 1, count == 0 ? line : Math.min(first, line));
    }
  }

  private static final List<String> APPLICATION_STATES =
      List.of("pending", "accepted", "rejected", "withdrawn", "completed");

  private void application(
      JsonNode node, CopyRows rows, long line, CopyRows hourRows, ImportReport report) {
    UUID id = uuid(node, "id");
    UUID opportunity = uuid(node, "opportunityId");
    UUID volunteer = uuid(node, "volunteerId");
    String status = oneOf(node, "status", APPLICATION_STATES);
    JsonNode hours = node.path("hours");
    if (hours.size() > 0 && !status.equals("accepted") && !status.equals("completed")) {
      throw new IllegalArgumentException("only accepted or completed applications have hours");
    }
    List<Object[]> entries = new java.util.ArrayList<>();
    for (JsonNode hour : hours) {
      double value = hour.path("hours").asDouble();
      if (value <= 0 || value > 24) {
        throw new IllegalArgumentException(
            "hours[" + entries.size() + "] must be more than 0 and at most 24");
      }
      String hourStatus = oneOf(hour, "status", List.of("logged", "verified", "disputed"));
      LocalDate workedOn = LocalDate.parse(hour.path("workedOn").asString());
      String refusal = WorkedDays.refusal(workedOn);
      if (refusal != null) {
        throw new IllegalArgumentException("hours[" + entries.size() + "].workedOn " + refusal);
      }
      entries.add(
          new Object[] {
            UUID.nameUUIDFromBytes((id + "/" + entries.size()).getBytes(StandardCharsets.UTF_8)),
            id,
            workedOn,
            value,
            hourStatus
          });
    }
    entries.forEach(hourRows::row);
    int entry = entries.size();
    rows.row(line, id, opportunity, volunteer, status);
    report.applications++;
    report.hourEntries += entry;
  }

  private void opportunity(
      JsonNode node, CopyRows rows, long line, CopyRows skillRows, ImportReport report) {
    UUID id = uuid(node, "id");
    UUID organization = uuid(node, "organizationId");
    Instant starts = Instant.parse(node.path("startsAt").asString());
    Instant ends = Instant.parse(node.path("endsAt").asString());
    if (!ends.isAfter(starts)) {
      throw new IllegalArgumentException("endsAt must be after startsAt");
    }
    int seats = node.path("seats").asInt();
    int taken = node.path("seatsTaken").asInt(0);
    if (seats < 1 || taken < 0 || taken > seats) {
      throw new IllegalArgumentException(
          "seats must be at least 1 and seatsTaken between 0 and seats");
    }
    String status = oneOf(node, "status", List.of("draft", "published", "closed"));
    // what the service's expiry would do at its next tick, done here: no outbox row, no change left
    // behind
    boolean ended = status.equals("published") && !ends.isAfter(Instant.now());
    for (JsonNode skill : node.path("requiredSkills")) {
      code(taxonomy.skills().contains(skill.path("code").asString()), skill, "code");
      double weight = skill.path("weight").asDouble();
      if (weight <= 0 || weight > 1) {
        throw new IllegalArgumentException("requiredSkills weight must be in (0, 1]");
      }
    }
    rows.row(
        line,
        id,
        organization,
        text(node, "titleAr", 3, 200),
        optionalText(node, "titleEn", 3, 200),
        text(node, "descriptionAr", 10, 5000),
        optionalText(node, "descriptionEn", 10, 5000),
        code(taxonomy.fields().contains(node.path("fieldCode").asString()), node, "fieldCode"),
        code(taxonomy.cities().contains(node.path("cityCode").asString()), node, "cityCode"),
        number(node, "lat"),
        number(node, "lon"),
        oneOf(node, "mode", List.of("on_site", "remote", "hybrid")),
        starts,
        ends,
        node.path("hours").asDouble(),
        seats,
        taken,
        oneOf(node, "gender", List.of("any", "male", "female")),
        number(node, "minAge"),
        number(node, "maxAge"),
        ended ? "closed" : status,
        status.equals("draft") ? null : starts.minusSeconds(86_400 * 14),
        ended ? ends : null);
    skillRows.row(line, node.path("requiredSkills").toString());
    report.opportunities++;
  }

  private void volunteer(JsonNode node, CopyRows rows, long line, ImportReport report) {
    String canonical = NationalIdHasher.canonical(node.path("nationalId").asString(null));
    if (canonical == null) {
      throw new IllegalArgumentException(
          "nationalId is not a 10-digit national ID or iqama number");
    }
    byte[] hash = nationalIds.hash(canonical);
    List<String> skillCodes = strings(node, "skillCodes");
    skillCodes.forEach(code -> known(taxonomy.skills().contains(code), "skillCodes", code));
    List<String> fieldCodes = strings(node, "fieldCodes");
    fieldCodes.forEach(code -> known(taxonomy.fields().contains(code), "fieldCodes", code));
    rows.row(
        line,
        uuid(node, "id"),
        hash,
        text(node, "fullName", 1, 200),
        text(node, "phone", 10, 13),
        text(node, "email", 3, 254),
        code(taxonomy.cities().contains(node.path("cityCode").asString()), node, "cityCode"),
        number(node, "lat"),
        number(node, "lon"),
        skillCodes,
        fieldCodes,
        strings(node, "languages"),
        date(node, "availableFrom"),
        date(node, "availableTo"),
        strings(node, "weekdays"),
        node.path("travelKm").asInt(25),
        node.path("remoteOk").asBoolean(true),
        oneOf(node, "gender", List.of("male", "female")),
        LocalDate.parse(node.path("birthDate").asString()));
    report.volunteers++;
  }

  /**
   * Checks every line, COPYs the good ones in chunks; a refused line is skipped or ends the import.
   */
  /**
   * Checks every line and COPYs the good ones in chunks; a refused line is skipped or ends the
   * import. Lines are read on {@code boundedElastic}; each chunk is copied before the next is read.
   */
  private Mono<Void> copy(
      PostgresqlConnection connection,
      Path file,
      ImportReport report,
      boolean rejectOnProblem,
      String target,
      @Nullable CopyRows extraRows,
      @Nullable String extraTarget,
      LineLoader line) {
    return Mono.defer(
        () -> {
          if (!Files.exists(file)) {
            return Mono.empty();
          }
          CopyRows rows = new CopyRows();
          Progress progress = new Progress(file.getFileName().toString(), sizeOf(file));
          Flux<String> lines =
              Flux.using(
                  () -> Files.newBufferedReader(file, StandardCharsets.UTF_8),
                  reader ->
                      Flux.<String>generate(
                          sink -> {
                            try {
                              String text = reader.readLine();
                              if (text == null) {
                                sink.complete();
                              } else {
                                sink.next(text);
                              }
                            } catch (IOException e) {
                              sink.error(new UncheckedIOException(e));
                            }
                          }),
                  reader -> {
                    try {
                      reader.close();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
          Flux<Chunk> chunks =
              lines
                  .<Chunk>handle(
                      (text, sink) -> {
                        long number = progress.next(text);
                        if (!text.isBlank()) {
                          try {
                            line.load(json.readTree(text), rows, number);
                          } catch (RuntimeException refused) {
                            report.refuse(
                                progress.name,
                                number,
                                refused.getMessage() == null
                                    ? refused.toString()
                                    : refused.getMessage());
                            if (rejectOnProblem) {
                              sink.error(
                                  new ImportRefusedException(
                                      progress.name
                                          + " line "
                                          + number
                                          + ": "
                                          + refused.getMessage()));
                              return;
                            }
                          }
                        }
                        if (rows.rows() >= COPY_CHUNK) {
                          sink.next(Chunk.drain(rows, extraRows));
                        }
                      })
                  .concatWith(Mono.fromSupplier(() -> Chunk.drain(rows, extraRows)))
                  .subscribeOn(Schedulers.boundedElastic());
          return chunks
              .concatMap(
                  chunk ->
                      copyIn(connection, target, chunk.rows)
                          .then(
                              extraTarget == null
                                  ? Mono.empty()
                                  : copyIn(connection, extraTarget, chunk.extra)),
                  1)
              .then();
        });
  }

  /** The COPY text of one chunk, and of its companion table (skills, hours). */
  private record Chunk(String rows, String extra) {
    static Chunk drain(CopyRows rows, @Nullable CopyRows extra) {
      return new Chunk(rows.drain(), extra == null ? "" : extra.drain());
    }
  }

  /** Counts lines and logs how far a file is, every two seconds. */
  private static final class Progress {
    final String name;
    final long size;
    final long started = System.nanoTime();
    long lastLog = started;
    long number;
    long read;

    Progress(String name, long size) {
      this.name = name;
      this.size = size;
    }

    long next(String text) {
      number++;
      read += text.length() + 1;
      if (System.nanoTime() - lastLog > 2_000_000_000L) {
        lastLog = System.nanoTime();
        double seconds = (lastLog - started) / 1e9;
        log.info(
            "Importing {}: at least {}% ({} lines, {} lines/s)",
            name,
            Math.min(99, 100 * read / Math.max(size, 1)),
            number,
            Math.round(number / seconds));
      }
      return number;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Mono<Void> copyIn(PostgresqlConnection connection, String target, String text) {
    if (text.isEmpty()) {
      return Mono.empty();
    }
    ByteBuf bytes = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    return connection.copyIn("copy " + target + " from stdin", Mono.just(bytes)).then();
  }

  private static UUID uuid(JsonNode node, String field) {
    try {
      return UUID.fromString(node.path(field).asString());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + " is not a UUID");
    }
  }

  private static String text(JsonNode node, String field, int min, int max) {
    String value = node.path(field).asString(null);
    if (value == null || value.strip().length() < min || value.length() > max) {
      throw new IllegalArgumentException(
          field + " must have " + min + " to " + max + " characters");
    }
    return value;
  }

  private static @Nullable String optionalText(JsonNode node, String field, int min, int max) {
    return node.path(field).isNull() || node.path(field).isMissingNode()
        ? null
        : text(node, field, min, max);
  }

  private static @Nullable Number number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number");
    }
    return value.numberValue();
  }

  private static @Nullable LocalDate date(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : LocalDate.parse(value.asString());
  }

  private static List<String> strings(JsonNode node, String field) {
    return node.path(field).valueStream().map(JsonNode::asString).toList();
  }

  private static String oneOf(JsonNode node, String field, List<String> allowed) {
    String value = node.path(field).asString(null);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(field + " must be one of " + allowed);
    }
    return value;
  }

  private static String code(boolean known, JsonNode node, String field) {
    if (!known) {
      throw new IllegalArgumentException(field + " holds an unknown taxonomy code");
    }
    return node.path(field).asString();
  }

  private static void known(boolean known, String field, String code) {
    if (!known) {
      throw new IllegalArgumentException(field + " holds an unknown taxonomy code: " + code);
    }
  }

  /** Checks one parsed line and adds its COPY row; throws to refuse it. */
  @FunctionalInterface
  private interface LineLoader {
    void load(JsonNode node, CopyRows rows, long line);
  }

  /** A refused line in an import that must be loaded whole. */
  public static final class ImportRefusedException extends RuntimeException {
    ImportRefusedException(String message) {
      super(message);
    }
  }
}
