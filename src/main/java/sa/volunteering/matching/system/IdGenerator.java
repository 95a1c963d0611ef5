package sa.volunteering.matching.system;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * New ids as UUID version 7 (time-ordered, so B-tree inserts stay local). {@code UUID.randomUUID()}
 * reads /dev/urandom on every call, a blocking file read on an event-loop thread; this generator
 * seeds a DRBG once, at start-up, and then never touches a file.
 */
@Component
public class IdGenerator {

  private final SecureRandom random;

  IdGenerator() {
    try {
      random = SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("DRBG unavailable", e);
    }
    random.nextLong();
  }

  public UUID next() {
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
