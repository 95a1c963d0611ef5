package sa.volunteering.matching.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs demo tokens with the service's own key, in the shape bin/token makes: a volunteer, or a member of one organization. */
final class DemoTokens {

  private final byte[] key;
  private final Duration lifetime;
  private final Clock clock;

  DemoTokens(String base64Key, Duration lifetime, Clock clock) {
    this.key = Base64.getDecoder().decode(base64Key);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  String volunteer(UUID volunteer) {
    return sign(new JWTClaimsSet.Builder().subject(volunteer.toString()).claim("roles", List.of("VOLUNTEER")));
  }

  String member(UUID organization) {
    return sign(new JWTClaimsSet.Builder().subject("demo-member-" + organization).claim("roles", List.of("ORG_MEMBER"))
        .claim("org", organization.toString()));
  }

  Instant expiresAt() {
    return clock.instant().plus(lifetime);
  }

  private String sign(JWTClaimsSet.Builder claims) {
    Instant now = clock.instant();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
          claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).build());
      jwt.sign(new MACSigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a demo token", e);
    }
  }
}
