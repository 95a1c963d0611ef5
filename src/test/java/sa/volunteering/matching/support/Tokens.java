package sa.volunteering.matching.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Bearer tokens signed with keys made for this test run. */
public final class Tokens {

  public static final String SECRET = randomKey();
  public static final String NATIONAL_ID_KEY = randomKey();

  private Tokens() {}

  public static String admin() {
    return sign(new JWTClaimsSet.Builder().subject("admin-tests").claim("roles", List.of("ADMIN")));
  }

  public static String volunteer(UUID id) {
    return sign(
        new JWTClaimsSet.Builder().subject(id.toString()).claim("roles", List.of("VOLUNTEER")));
  }

  public static String member(UUID organization) {
    return sign(
        new JWTClaimsSet.Builder()
            .subject("member-" + UUID.randomUUID())
            .claim("roles", List.of("ORG_MEMBER"))
            .claim("org", organization.toString()));
  }

  public static String signedWithAnotherKey() {
    return sign(
        new JWTClaimsSet.Builder().subject("intruder").claim("roles", List.of("ADMIN")),
        randomKey());
  }

  public static String expiredAdmin() {
    return sign(
        new JWTClaimsSet.Builder()
            .subject("admin-tests")
            .claim("roles", List.of("ADMIN"))
            .issueTime(java.util.Date.from(Instant.now().minusSeconds(7200)))
            .expirationTime(java.util.Date.from(Instant.now().minusSeconds(3600))),
        SECRET);
  }

  private static String sign(JWTClaimsSet.Builder claims) {
    return sign(
        claims
            .issueTime(java.util.Date.from(Instant.now()))
            .expirationTime(java.util.Date.from(Instant.now().plusSeconds(3600))),
        SECRET);
  }

  private static String sign(JWTClaimsSet.Builder claims, String key) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(Base64.getDecoder().decode(key)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
