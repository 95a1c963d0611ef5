package sa.volunteering.matching.match;

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

  Mono<Set<String>> of(UUID opportunity) {
    return database
        .sql("select volunteer_id from applications where opportunity_id = :id")
        .bind("id", opportunity)
        .map(row -> String.valueOf(row.get("volunteer_id", UUID.class)))
        .all()
        .collect(Collectors.toUnmodifiableSet());
  }
}
