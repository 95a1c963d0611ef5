package sa.volunteering.matching.system;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;

/**
 * The driver's own connection behind the pool's wrappers, for what only it offers (LISTEN, COPY).
 */
public final class PostgresConnections {

  private PostgresConnections() {}

  public static PostgresqlConnection unwrap(Connection connection) {
    Connection current = connection;
    while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
      current = (Connection) wrapped.unwrap();
    }
    if (!(current instanceof PostgresqlConnection postgres)) {
      throw new IllegalStateException("not a PostgreSQL connection: " + connection);
    }
    return postgres;
  }
}
