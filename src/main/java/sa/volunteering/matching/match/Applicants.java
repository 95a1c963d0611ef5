package sa.volunteering.matching.match;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who has applied to what, whatever became of the application: a volunteer's matches leave out (or
 * flag) what they applied to, and candidate cards flag applicants, both from the opportunities of
 * the volunteer's most recent applications their indexed document lists; an organization's
 * candidates may put the opportunity's applicants first, read from PostgreSQL.
 */
@Component
class Applicants {

  private final DatabaseClient database;
  private final int maxApplied;
  private final int maxFirst;

  Applicants(DatabaseClient database, MatchingProperties properties) {
    this.database = database;
    this.maxApplied = properties.maxAppliedLeftOut();
    this.maxFirst = properties.maxApplicantsFirst();
  }

  /**
   * The opportunities the volunteer applied to, the most recent as many as {@code
   * app.matching.max-applied-left-out}: from their indexed document, which lists them, so that a
   * page of matches asks PostgreSQL nothing. An application is in the document once the indexer has
   * the change its transaction announced (under a second).
   */
  Set<String> appliedBy(VolunteerDoc volunteer) {
    return volunteer.appliedAtMost(maxApplied);
  }

  /**
   * The opportunity's applicants its candidates put first, the most recent as many as {@code
   * app.matching.max-applicants-first}.
   */
  Mono<Set<String>> first(UUID opportunity) {
    if (maxFirst == 0) {
      return Mono.just(Set.of());
    }
    return database
        .sql(
            "select volunteer_id from applications where opportunity_id = :id order by created_at desc limit :limit")
        .bind("id", opportunity)
        .bind("limit", maxFirst)
        .map(row -> String.valueOf(row.get("volunteer_id", UUID.class)))
        .all()
        .collect(Collectors.toUnmodifiableSet());
  }
}
