package sa.volunteering.matching.search;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.system.observability.RequestIds;

/**
 * Calls the asynchronous Elasticsearch client from Reactor. The call is made lazily, at
 * subscription, so nothing fires before it and cancelling reaches it; and it is made off the event
 * loop, because the client's connection pool takes a lock when it leases a connection, and under
 * contention that lock parks the calling thread (BlockHound caught it on a Netty thread).
 * Completion arrives on the client's own I/O threads. A call made for a request carries that
 * request's id ({@link RequestIds}).
 */
public final class Elasticsearch {

  private Elasticsearch() {}

  public static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
    return Mono.deferContextual(
            context -> {
              String requestId = RequestIds.of(context);
              return Mono.fromFuture(() -> RequestIds.during(requestId, request));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
