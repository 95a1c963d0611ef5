package sa.volunteering.matching.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Indexed documents a ranking request starts from (the volunteer's, the opportunity's), kept so
 * that a page costs one Elasticsearch request rather than two. Bounded in entries and in bytes
 * (estimated), least recently used first out, and no entry older than its time to live. A document
 * is dropped when the indexer announces it changed ({@link ChangedDocuments}); a read that was
 * under way when some document changed is not kept, so an announcement never loses to a slower
 * read, and the whole cache is dropped when announcements may have been missed.
 */
final class DocumentCache {

  private record Entry(String index, Map<String, Object> source, long bytes, long storedAt) {}

  private final int maxEntries;
  private final long maxBytes;
  private final long timeToLiveNanos;
  private final LongSupplier clock;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final Counter hits;
  private final Counter misses;
  private long bytes;
  private long changes;

  DocumentCache(
      int maxEntries,
      long maxBytes,
      Duration timeToLive,
      LongSupplier clock,
      MeterRegistry meters) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.timeToLiveNanos = timeToLive.toNanos();
    this.clock = clock;
    this.hits = meters.counter("matching.document-cache", "result", "hit");
    this.misses = meters.counter("matching.document-cache", "result", "miss");
    meters.gauge("matching.document-cache.entries", this, DocumentCache::size);
    meters.gauge("matching.document-cache.bytes", this, DocumentCache::bytes);
  }

  /**
   * The document from the cache, else read by {@code read} and kept unless a document changed while
   * it was read. Empty when there is no such document (not kept either).
   */
  Mono<Map<String, Object>> get(String index, String id, Mono<Map<String, Object>> read) {
    return Mono.defer(
        () -> {
          Map<String, Object> cached = cached(index, id);
          if (cached != null) {
            hits.increment();
            return Mono.just(cached);
          }
          misses.increment();
          long changesBefore = changes();
          return read.doOnNext(source -> keep(index, id, source, changesBefore));
        });
  }

  /** Drops the documents with these ids (ids are unique across indexes). */
  synchronized void changed(List<String> ids) {
    changes++;
    ids.forEach(this::remove);
  }

  /** Drops everything: announcements may have been missed. */
  synchronized void clear() {
    changes++;
    entries.clear();
    bytes = 0;
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return bytes;
  }

  private synchronized long changes() {
    return changes;
  }

  private synchronized @Nullable Map<String, Object> cached(String index, String id) {
    Entry entry = entries.get(id);
    if (entry == null || !entry.index().equals(index)) {
      return null;
    }
    if (clock.getAsLong() - entry.storedAt() > timeToLiveNanos) {
      remove(id);
      return null;
    }
    return entry.source();
  }

  private synchronized void keep(
      String index, String id, Map<String, Object> source, long changesBefore) {
    if (changes != changesBefore) {
      return;
    }
    long size = estimate(id) + estimate(source);
    if (size > maxBytes) {
      return;
    }
    remove(id);
    entries.put(id, new Entry(index, source, size, clock.getAsLong()));
    bytes += size;
    Iterator<Entry> eldest = entries.values().iterator();
    while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
      bytes -= eldest.next().bytes();
      eldest.remove();
    }
  }

  private void remove(String id) {
    Entry removed = entries.remove(id);
    if (removed != null) {
      bytes -= removed.bytes();
    }
  }

  /** Roughly what a parsed JSON value holds on the heap: objects, strings and boxes. */
  static long estimate(@Nullable Object value) {
    return switch (value) {
      case null -> 8;
      case String text -> 40 + 2L * text.length();
      case Map<?, ?> map -> {
        long size = 64;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          size += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
        }
        yield size;
      }
      case Collection<?> values -> {
        long size = 40;
        for (Object element : values) {
          size += 8 + estimate(element);
        }
        yield size;
      }
      default -> 24;
    };
  }
}
