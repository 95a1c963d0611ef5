package sa.volunteering.matching.system.web;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A page of items with the total, so that a client can show "3 of 12". */
public record Page<T>(List<T> items, int page, int size, long total) {

  /** The items of {@code request} and the total, queried side by side. */
  public static <T> Mono<Page<T>> of(Flux<T> items, Mono<Long> total, PageRequest request) {
    return items
        .collectList()
        .zipWith(total, (list, count) -> new Page<>(list, request.page(), request.size(), count));
  }
}
