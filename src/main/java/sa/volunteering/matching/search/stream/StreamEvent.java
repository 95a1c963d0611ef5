package sa.volunteering.matching.search.stream;

/** What a result stream carries: hits, each with its cursor, keep-alives, and a summary at the end; or states, each replacing the last. */
public sealed interface StreamEvent {

  /** @param hit whatever the stream maps a hit to, written as JSON */
  record HitEvent(String cursor, Object hit) implements StreamEvent {}

  /**
   * @param count hits sent by this stream
   * @param complete whether they were all the hits of the query (false when the limit cut it short)
   * @param tookMs from the request to the last hit
   */
  record Summary(long count, boolean complete, long tookMs) implements StreamEvent {}

  record Heartbeat() implements StreamEvent {}

  /** The whole current state of something followed (live indicators), sent again whenever it changes. */
  record State(String type, Object state) implements StreamEvent {}
}
