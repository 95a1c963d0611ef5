package sa.volunteering.matching.search.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReactorNettyHttpClientTest {

  @Test
  void noParametersMakeNoQuery() {
    assertThat(ReactorNettyHttpClient.query(Map.of(), Map.of())).isEmpty();
  }

  @Test
  void parametersAreEncodedAndTheOptionsOnesFollowTheRequestsOwn() {
    assertThat(ReactorNettyHttpClient.query(Map.of("q", "عمل تطوعي"), Map.of("pretty", "true")))
        .isEqualTo("?q=%D8%B9%D9%85%D9%84+%D8%AA%D8%B7%D9%88%D8%B9%D9%8A&pretty=true");
  }
}
