package sa.volunteering.matching.support;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rows held by another transaction, as another instance would hold them. */
public final class RowLocks {

  private RowLocks() {}

  /**
   * Runs {@code meanwhile} while a transaction of a connection of its own holds the rows {@code
   * lockingSelect} ({@code … for update}, parameters {@code $1, $2, …}) locks, then rolls it back;
   * emits what {@code meanwhile} emitted.
   */
  public static <T> Mono<T> whileHeld(
      ConnectionFactory connections,
      String lockingSelect,
      List<Object> parameters,
      Mono<T> meanwhile) {
    return Mono.usingWhen(
        connections.create(),
        held ->
            Mono.from(held.beginTransaction())
                .then(
                    Flux.from(bound(held.createStatement(lockingSelect), parameters).execute())
                        .flatMap(result -> result.map((row, meta) -> 1))
                        .then())
                .then(meanwhile.map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(
                    result -> Mono.from(held.rollbackTransaction()).then(Mono.justOrEmpty(result))),
        Connection::close);
  }

  private static Statement bound(Statement statement, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      statement.bind("$" + (i + 1), parameters.get(i));
    }
    return statement;
  }
}
