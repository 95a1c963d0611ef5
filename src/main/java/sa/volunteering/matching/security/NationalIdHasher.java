package sa.volunteering.matching.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keyed hash (HMAC-SHA256) of a Saudi national ID or iqama number. The clear number is used only to
 * compute this hash and is never stored or logged; equal numbers give equal hashes, so a person
 * registers once.
 */
@Component
public class NationalIdHasher {

  private final SecretKeySpec key;

  NationalIdHasher(SecurityProperties properties) {
    this.key =
        new SecretKeySpec(Base64.getDecoder().decode(properties.nationalIdKey()), "HmacSHA256");
  }

  /**
   * Ten digits, the first 1 (citizen) or 2 (resident); Arabic-Indic digits, spaces and dashes
   * accepted.
   */
  public static @Nullable String canonical(@Nullable String nationalId) {
    if (nationalId == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(10);
    for (int i = 0; i < nationalId.length(); i++) {
      char c = nationalId.charAt(i);
      if (c == ' ' || c == '-') {
        continue;
      }
      int digit = Character.digit(c, 10);
      if (digit < 0) {
        return null;
      }
      digits.append((char) ('0' + digit));
    }
    String canonical = digits.toString();
    return canonical.matches("[12][0-9]{9}") ? canonical : null;
  }

  public byte[] hash(String canonicalNationalId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(canonicalNationalId.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
