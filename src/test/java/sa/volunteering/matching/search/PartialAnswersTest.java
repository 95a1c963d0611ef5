package sa.volunteering.matching.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.system.problem.ApiException;

class PartialAnswersTest {

  @Test
  void aSearchAnsweredByEveryShardPasses() {
    SearchResponse<Map> whole = response(2, 2, 0);
    assertThat(ElasticsearchLanes.whole(whole)).isSameAs(whole);
  }

  @Test
  void aSearchAnsweredByOnlySomeShardsIsA503() {
    assertThatThrownBy(() -> ElasticsearchLanes.whole(response(2, 1, 1)))
        .isInstanceOfSatisfying(
            ApiException.class,
            problem -> {
              assertThat(problem.getStatusCode().value()).isEqualTo(503);
              assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
              assertThat(problem.getBody().getDetail()).contains("1 of 2 shards");
            });
  }

  private static SearchResponse<Map> response(int total, int successful, int failed) {
    return SearchResponse.of(
        r ->
            r.took(3)
                .timedOut(false)
                .shards(s -> s.total(total).successful(successful).failed(failed))
                .hits(h -> h.hits(List.of())));
  }
}
