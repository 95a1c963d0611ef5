package sa.volunteering.matching.system.problem;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class UnreachableTest {

  @Test
  void connectionFailuresAndServersGoingAwayAreUnreachableDependencies() {
    assertThat(
            Unreachable.dependency(
                new DataAccessResourceFailureException(
                    "no connection", new R2dbcNonTransientResourceException("refused"))))
        .isEqualTo("the database");
    assertThat(
            Unreachable.dependency(
                new RuntimeException(new ConnectException("Connection refused"))))
        .isEqualTo("a service it depends on");
    assertThat(
            Unreachable.dependency(
                new R2dbcPermissionDeniedException(
                    "terminating connection due to administrator command", "57P01")))
        .as("PostgreSQL shutting down")
        .isEqualTo("the database");
    assertThat(Unreachable.dependency(elasticsearch(429)))
        .as("Elasticsearch's queues full")
        .isEqualTo("the search cluster");
    assertThat(Unreachable.dependency(elasticsearch(503))).isEqualTo("the search cluster");
  }

  @Test
  void faultsOfOursAreNot() {
    assertThat(Unreachable.dependency(new IllegalStateException("a bug"))).isNull();
    assertThat(Unreachable.dependency(new R2dbcBadGrammarException("syntax error", "42601")))
        .isNull();
    assertThat(Unreachable.dependency(elasticsearch(400)))
        .as("a request Elasticsearch found malformed")
        .isNull();
  }

  private static ElasticsearchException elasticsearch(int status) {
    return new ElasticsearchException(
        "es/search",
        ErrorResponse.of(e -> e.status(status).error(c -> c.type("injected").reason("test"))));
  }
}
