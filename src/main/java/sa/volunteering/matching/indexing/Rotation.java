package sa.volunteering.matching.indexing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How ranking breaks ties without favouring low ids and without a second sort key (which would stop
 * Elasticsearch from skipping documents): every document is indexed with the {@value #BITS} bits of
 * a hash of its id as tokens {@code bit:value}, and a ranking query adds, for each bit, a constant
 * score of {@code UNIT × 2^bit} to the documents whose bit differs from the day's salt. A
 * document's part is then {@code UNIT × (hash XOR salt)}: at most {@link #WEIGHT}, below any step
 * of the model, the same all day (UTC) and different the next. The salt's top bit alternates from
 * one day to the next, so the documents ranked first among ties one day rank in the lower half of
 * them the next; its other bits are a hash of the day. Ties within one of the {@code 2^BITS} groups
 * keep the index's order. Three bits, because each bit is one more clause Elasticsearch evaluates
 * on every document it scores (docs/ranking.md: eight cost 8 to 24 ms a request).
 */
public final class Rotation {

  public static final int BITS = 3;

  /** The score of the lowest bit. */
  public static final double UNIT = 0.0001;

  /** The most a document's rotation adds to its score. */
  public static final double WEIGHT = UNIT * ((1 << BITS) - 1);

  private Rotation() {}

  /** The tokens a document with this id is indexed with. */
  public static List<String> tokens(String id) {
    int hash = hash(id);
    List<String> tokens = new ArrayList<>(BITS);
    for (int bit = 0; bit < BITS; bit++) {
      tokens.add(token(bit, (hash >> bit) & 1));
    }
    return tokens;
  }

  /** The token that earns {@link #points(int)} of bit {@code bit} on the day of {@code now}. */
  public static String favoured(int bit, Instant now) {
    return token(bit, 1 - ((salt(now) >> bit) & 1));
  }

  public static double points(int bit) {
    return UNIT * (1 << bit);
  }

  /** What the rotation adds to the score of the document with this id on the day of {@code now}. */
  public static double points(String id, Instant now) {
    return UNIT * (hash(id) ^ salt(now));
  }

  static int salt(Instant now) {
    long day = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
    int top = 1 << (BITS - 1);
    return (mix(Long.hashCode(day)) & (top - 1)) | (int) (day & 1) * top;
  }

  static int hash(String id) {
    return mix(id.hashCode()) & ((1 << BITS) - 1);
  }

  private static String token(int bit, int value) {
    return bit + ":" + value;
  }

  /** The finalisation step of MurmurHash3: every input bit moves every output bit. */
  private static int mix(int value) {
    int h = value;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
