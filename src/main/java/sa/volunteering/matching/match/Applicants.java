package sa.volunteering.matching.match;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who has applied to an opportunity, whatever became of the application: candidate cards flag them.
 */
@Component
class Applicants {

  private final DatabaseClient database;

  Applicants(DatabaseClient database) {
    this.database = database;
  }

  /** Which of these volunteers applied to the opportunity: a page's worth, read by their ids. */
  Mono<Set<String>> among(UUID opportunity, List<String> volunteers) {
    if (volunteers.isEmpty()) {
      return Mono.just(Set.of());
    }
    return database
        .sql(
            "select volunteer_id from applications where opportunity_id = :id and volunteer_id = any(:volunteers)")
        .bind("id", opportunity)
        .bind("volunteers", volunteers.stream().map(UUID::fromString).toArray(UUID[]::new))
        .map(row -> String.valueOf(row.get("volunteer_id", UUID.class)))
        .all()
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Everyone who applied to the opportunity, for a stream of its candidates. */
  Mono<Set<String>> of(UUID opportunity) {
    return database
        .sql("select volunteer_id from applications where opportunity_id = :id")
        .bind("id", opportunity)
        .map(row -> String.valueOf(row.get("volunteer_id", UUID.class)))
        .all()
        .collect(Collectors.toUnmodifiableSet());
  }
}
