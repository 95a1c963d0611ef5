package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * springdoc hands its document out under a lock, so its handler must not run on an event loop: the
 * filter in front of it moves it to the bounded elastic scheduler, and leaves every other request
 * where it is.
 */
class OpenApiOffTheEventLoopTest {

  private final WebFilter filter =
      new OpenApiConfiguration().openApiOffTheEventLoop(new SpringDocConfigProperties());

  @Test
  void theDocumentIsHandedOutOnTheBoundedElasticScheduler() {
    assertThat(threadHandling("/v3/api-docs")).startsWith("boundedElastic-");
    assertThat(threadHandling("/v3/api-docs/swagger-config")).startsWith("boundedElastic-");
  }

  @Test
  void everyOtherRequestStaysOnItsThread() {
    assertThat(threadHandling("/api/opportunities/search"))
        .isEqualTo(Thread.currentThread().getName());
  }

  private String threadHandling(String path) {
    AtomicReference<String> thread = new AtomicReference<>();
    WebFilterChain handler =
        exchange -> Mono.fromRunnable(() -> thread.set(Thread.currentThread().getName()));
    filter
        .filter(MockServerWebExchange.from(MockServerHttpRequest.get(path)), handler)
        .block(Duration.ofSeconds(5));
    return thread.get();
  }
}
