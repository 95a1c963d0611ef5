package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class DocumentCacheTest {

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();

  private DocumentCache cache(int maxEntries, long maxBytes) {
    return new DocumentCache(
        maxEntries, maxBytes, Duration.ofSeconds(60), clock::get, new SimpleMeterRegistry());
  }

  private Mono<Map<String, Object>> read(String id) {
    return Mono.fromCallable(
        () -> {
          reads.incrementAndGet();
          return Map.<String, Object>of("id", id, "city_code", "riyadh");
        });
  }

  private Map<String, Object> get(DocumentCache cache, String id) {
    return cache.get("volunteers", id, read(id)).block();
  }

  @Test
  void aDocumentIsReadOnceUntilItChanges() {
    DocumentCache cache = cache(10, 1 << 20);
    get(cache, "a");
    get(cache, "a");
    assertThat(reads).hasValue(1);

    cache.changed(List.of("b", "a"));
    get(cache, "a");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aReadUnderWayWhenSomethingChangedIsNotKept() {
    DocumentCache cache = cache(10, 1 << 20);
    Sinks.One<Map<String, Object>> slow = Sinks.one();
    Mono<Map<String, Object>> pending = cache.get("volunteers", "a", slow.asMono());
    var result = pending.toFuture();
    cache.changed(List.of("a"));
    slow.tryEmitValue(Map.of("id", "a", "city_code", "before the change"));
    assertThat(result.join()).containsEntry("city_code", "before the change");

    assertThat(get(cache, "a")).containsEntry("city_code", "riyadh");
    assertThat(reads).hasValue(1);
  }

  @Test
  void nothingOutlivesItsTimeToLive() {
    DocumentCache cache = cache(10, 1 << 20);
    get(cache, "a");
    clock.addAndGet(Duration.ofSeconds(59).toNanos());
    get(cache, "a");
    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    get(cache, "a");
    assertThat(reads).hasValue(2);
  }

  @Test
  void boundedInEntriesAndInBytesLeastRecentlyUsedFirstOut() {
    DocumentCache byEntries = cache(3, 1 << 20);
    for (String id : List.of("a", "b", "c")) {
      get(byEntries, id);
    }
    get(byEntries, "a");
    get(byEntries, "d");
    assertThat(byEntries.size()).isEqualTo(3);
    reads.set(0);
    get(byEntries, "a");
    get(byEntries, "b");
    assertThat(reads).as("b was the least recently used").hasValue(1);

    long one =
        DocumentCache.estimate("a")
            + DocumentCache.estimate(Map.of("id", "a", "city_code", "riyadh"));
    DocumentCache byBytes = cache(100, 2 * one + 1);
    for (String id : List.of("a", "b", "c", "d")) {
      get(byBytes, id);
    }
    assertThat(byBytes.size()).isEqualTo(2);
    assertThat(byBytes.bytes()).isLessThanOrEqualTo(2 * one + 1);
  }

  @Test
  void missingDocumentsAreNotKeptAndClearingDropsEverything() {
    DocumentCache cache = cache(10, 1 << 20);
    Mono<Map<String, Object>> none =
        Mono.fromCallable(
            () -> {
              reads.incrementAndGet();
              return null;
            });
    cache.get("volunteers", "gone", none).block();
    cache.get("volunteers", "gone", none).block();
    assertThat(reads).hasValue(2);

    get(cache, "a");
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThat(cache.bytes()).isZero();
    get(cache, "a");
    assertThat(reads).hasValue(4);
  }

  @Test
  void aDocumentOfAnotherIndexIsNotServedForThisOne() {
    DocumentCache cache = cache(10, 1 << 20);
    get(cache, "a");
    cache.get("opportunities", "a", read("a")).block();
    assertThat(reads).hasValue(2);
  }
}
