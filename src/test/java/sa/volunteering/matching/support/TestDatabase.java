package sa.volunteering.matching.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import sa.volunteering.matching.system.FlywayFromR2dbcEnvironmentPostProcessor;

/**
 * The database of one test JVM: created on the configured PostgreSQL server under a name of the
 * run's own ({@code it_<UTC time>_<random>}), migrated by the first Spring context, used by every
 * context and every service process the run starts, and dropped when the JVM ends, after the
 * contexts that use it are closed. Databases left by an interrupted run (an {@code it_} name,
 * nobody connected, older than a minute) are dropped when the next run starts. The tests refuse a
 * server that is not on this machine unless {@code TEST_DATABASE_SERVER_FOR_TESTS=true} (or the
 * system property {@code test.database.server-for-tests}) says it is one for tests (decision 0020).
 * In the containers mode ({@link TestStack}) the container's own database is the run's.
 */
public final class TestDatabase {

  private static final String PREFIX = "it_";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);
  private static final Set<ConfigurableApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();
  private static volatile @Nullable TestDatabase current;

  private final String serverUrl;
  private final String name;
  private final String user;
  private final String password;

  private TestDatabase(String serverUrl, String name, String user, String password) {
    this.serverUrl = serverUrl;
    this.name = name;
    this.user = user;
    this.password = password;
  }

  /** This JVM's database, created (and leftovers dropped) on first use. */
  public static TestDatabase get() {
    TestDatabase database = current;
    if (database == null) {
      synchronized (TestDatabase.class) {
        database = current;
        if (database == null) {
          database = create();
          current = database;
        }
      }
    }
    return database;
  }

  /** The R2DBC URL of this run's database, with the configured URL's options. */
  public String r2dbcUrl() {
    return withDatabase(serverUrl, name);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A context using the database: closed before the database is dropped at the end of the run. */
  public static void inUseBy(ConfigurableApplicationContext context) {
    CONTEXTS.add(context);
  }

  private static TestDatabase create() {
    TestStack.Server server = TestStack.postgresql();
    String url = server.r2dbcUrl();
    String user = server.user();
    String password = server.password();
    if (TestStack.containers()) {
      // the container is the run's own server, and goes with it: its database is the run's
      return new TestDatabase(url, url.replaceFirst("^.*/([^/?]+).*$", "$1"), user, password);
    }
    refuseSharedServer(url);
    String name =
        PREFIX + STAMP.format(Instant.now()) + "_" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase database = new TestDatabase(url, name, user, password);
    try (Connection maintenance = database.connect("postgres");
        Statement statement = maintenance.createStatement()) {
      database.dropLeftovers(statement);
      statement.execute("create database " + name);
      statement.execute(
          "comment on database " + name + " is 'test run database, created " + Instant.now() + "'");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not create the test database "
              + name
              + " on "
              + host(url)
              + " as "
              + user
              + " (the role needs CREATEDB; bin/stack grants it on a local server): "
              + e.getMessage(),
          e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-" + name));
    return database;
  }

  /**
   * Drops databases of earlier runs that nobody uses; the age spares a run that has created its own
   * but not yet connected.
   */
  private void dropLeftovers(Statement statement) throws SQLException {
    List<String> leftovers = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery(
            "select datname from pg_database d where datname like 'it\\_%'"
                + " and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)")) {
      while (rows.next()) {
        leftovers.add(rows.getString(1));
      }
    }
    Instant cutoff = Instant.now().minus(LEFTOVER_AGE);
    for (String leftover : leftovers) {
      Instant created = createdAt(leftover);
      if (created != null && created.isBefore(cutoff)) {
        statement.execute("drop database if exists " + leftover);
        System.err.println("dropped the database " + leftover + " left by an earlier test run");
      }
    }
  }

  /**
   * When a database of this naming scheme was created, from its name; null for names of another
   * scheme.
   */
  static @Nullable Instant createdAt(String database) {
    String[] parts = database.split("_");
    if (parts.length != 3 || !parts[0].equals("it") || !parts[2].matches("[0-9a-f]{8}")) {
      return null;
    }
    try {
      return STAMP.parse(parts[1], Instant::from);
    } catch (RuntimeException notOurs) {
      return null;
    }
  }

  private void drop() {
    CONTEXTS.forEach(ConfigurableApplicationContext::close);
    try (Connection maintenance = connect("postgres");
        Statement statement = maintenance.createStatement()) {
      // a service process a test killed may still hold a connection for a moment: force it out
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println(
          "the test database "
              + name
              + " was not dropped (the next run drops it): "
              + e.getMessage());
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        FlywayFromR2dbcEnvironmentPostProcessor.jdbcUrl(withDatabase(serverUrl, database)),
        user,
        password);
  }

  static String withDatabase(String r2dbcUrl, String database) {
    return r2dbcUrl.replaceFirst(
        "^(r2dbc:(?:pool:)?postgresql://[^/?]+)(/[^?]*)?", "$1/" + database);
  }

  /** The JDBC URL of this run's database, for Flyway. */
  public String jdbcUrl() {
    return FlywayFromR2dbcEnvironmentPostProcessor.jdbcUrl(r2dbcUrl());
  }

  /** Only a server on this machine, unless a setting says the one configured is for tests. */
  static void refuseSharedServer(String r2dbcUrl) {
    String host = host(r2dbcUrl);
    boolean local =
        host.equals("localhost")
            || host.equals("127.0.0.1")
            || host.equals("[::1]")
            || host.equals("::1");
    if (!local
        && !Boolean.parseBoolean(
            TestStack.setting(
                "TEST_DATABASE_SERVER_FOR_TESTS", "test.database.server-for-tests", "false"))) {
      throw new IllegalStateException(
          "the tests create and drop databases on the PostgreSQL server at "
              + r2dbcUrl
              + ", which is not on this machine; set TEST_DATABASE_SERVER_FOR_TESTS=true if that server is for tests");
    }
  }

  static String host(String r2dbcUrl) {
    String host = URI.create(r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", "")).getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
