package sa.volunteering.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.security.SecurityProperties;

/**
 * The administrator's bearer token the measurements call the service with, signed with the key of
 * the service they run in, valid for longer than any run. Only the benchmark can mint one: the
 * service itself has no code that does.
 */
@Component
public class AdminToken {

  private static final Duration LIFETIME = Duration.ofHours(4);

  private final String bearer;

  AdminToken(SecurityProperties security) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("bench-admin")
            .claim("roles", List.of("ADMIN"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .build();
    SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      token.sign(new MACSigner(Base64.getDecoder().decode(security.jwtSecret())));
    } catch (JOSEException e) {
      throw new IllegalStateException(
          "cannot sign the benchmark's token with app.security.jwt-secret", e);
    }
    this.bearer = "Bearer " + token.serialize();
  }

  public String bearer() {
    return bearer;
  }
}
