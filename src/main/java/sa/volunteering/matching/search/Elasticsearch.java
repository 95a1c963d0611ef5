package sa.volunteering.matching.search;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.observability.RequestIds;

/**
 * Calls the asynchronous Elasticsearch client from Reactor. The call is made lazily, at
 * subscription, so nothing fires before it and cancelling reaches it. It is made on the subscribing
 * thread, event loop or not: the client's transport ({@code search.client}) neither locks nor
 * waits, and its answer is decoded and carried on from one of Reactor Netty's event loops. A call
 * made for a request carries that request's id ({@link RequestIds}).
 */
public final class Elasticsearch {

  private Elasticsearch() {}

  public static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
    return Mono.deferContextual(
        context -> {
          String requestId = RequestIds.of(context);
          return Mono.fromFuture(() -> RequestIds.during(requestId, request));
        });
  }
}
