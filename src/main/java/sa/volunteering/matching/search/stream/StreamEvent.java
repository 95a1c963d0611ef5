package sa.volunteering.matching.search.stream;

/**
 * What a result stream carries: hits, each with its cursor, keep-alives, and a summary at the end;
 * or states, each replacing the last; and, when the service ends it early, a closing event.
 */
public sealed interface StreamEvent {

  /**
   * @param hit whatever the stream maps a hit to, written as JSON
   */
  record HitEvent(String cursor, Object hit) implements StreamEvent {}

  /**
   * @param count hits sent by this stream
   * @param complete whether they were all the hits of the query (false when the limit cut it short)
   * @param tookMs from the request to the last hit
   */
  record Summary(long count, boolean complete, long tookMs) implements StreamEvent {}

  record Heartbeat() implements StreamEvent {}

  /**
   * The whole current state of something followed (live indicators), sent again whenever it
   * changes.
   */
  record State(String type, Object state) implements StreamEvent {}

  /**
   * The last event of a stream the service ended before its end (the instance is shutting down):
   * reconnect and resume.
   */
  record Closing(String reason) implements StreamEvent {
    static final Closing SHUTDOWN = new Closing("shutdown");
  }
}
