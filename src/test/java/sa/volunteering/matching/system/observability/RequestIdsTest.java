package sa.volunteering.matching.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

class RequestIdsTest {

  @Test
  void aProxysIdIsKeptOnlyWhenShortAndPlain() {
    assertThat(RequestIds.accepted("f3c1-9a:edge.7_b")).isEqualTo("f3c1-9a:edge.7_b");
    assertThat(RequestIds.accepted("x".repeat(64))).hasSize(64);
    assertThat(RequestIds.accepted("x".repeat(65))).isNull();
    assertThat(RequestIds.accepted("")).isNull();
    assertThat(RequestIds.accepted("a b")).isNull();
    assertThat(RequestIds.accepted("id\r\nX-Injected: 1")).isNull();
    assertThat(RequestIds.accepted("معرف")).isNull();
    assertThat(RequestIds.accepted(null)).isNull();
  }

  @Test
  void theIdIsReadableByTheTransportOnlyDuringTheCall() {
    assertThat(RequestIds.of(Context.of(RequestIds.KEY, "r-1"))).isEqualTo("r-1");
    assertThat(RequestIds.of(Context.empty())).isNull();
    assertThat(RequestIds.during("r-2", RequestIds::calling)).isEqualTo("r-2");
    assertThat(RequestIds.calling()).isNull();
    assertThat(RequestIds.during(null, RequestIds::calling)).isNull();
  }
}
