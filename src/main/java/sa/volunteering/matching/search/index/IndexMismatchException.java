package sa.volunteering.matching.search.index;

/**
 * An existing index does not come from the definition this build carries: the service must not
 * start.
 */
public class IndexMismatchException extends IllegalStateException {

  IndexMismatchException(String message) {
    super(message);
  }
}
