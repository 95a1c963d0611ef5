package sa.volunteering.matching.search.client;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The cluster's HTTP addresses, taken in turn: each call starts at the next node, and a node that
 * refuses the connection hands the call to the one after it (nothing was sent, so nothing is sent
 * twice), until every node was tried.
 */
final class Nodes {

  private final List<URI> bases;
  private final AtomicInteger next = new AtomicInteger();

  Nodes(List<URI> bases) {
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("spring.elasticsearch.uris names no node");
    }
    this.bases = List.copyOf(bases);
  }

  <T> Mono<T> call(Function<URI, Mono<T>> attempt) {
    int first = Math.floorMod(next.getAndIncrement(), bases.size());
    return from(first, 0, attempt);
  }

  private <T> Mono<T> from(int index, int tried, Function<URI, Mono<T>> attempt) {
    Mono<T> call = attempt.apply(bases.get((index + tried) % bases.size()));
    if (tried + 1 == bases.size()) {
      return call;
    }
    return call.onErrorResume(ConnectException.class, refused -> from(index, tried + 1, attempt));
  }
}
