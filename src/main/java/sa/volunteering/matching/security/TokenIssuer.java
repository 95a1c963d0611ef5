package sa.volunteering.matching.security;

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
import org.springframework.stereotype.Component;

/**
 * Tokens signed with the service's own key, with the claims {@link SecurityConfiguration} reads,
 * for the demo sign-in (bin/token makes the same ones from the shell). It mints volunteers' and
 * members' tokens only, never an administrator's. Production tokens come from the identity
 * provider, not from here.
 */
@Component
public class TokenIssuer {

  /** A signed token and the moment it stops being valid. */
  public record Issued(String token, Instant expiresAt) {

    public String bearer() {
      return "Bearer " + token;
    }
  }

  private final byte[] key;
  private final Clock clock = Clock.systemUTC();

  TokenIssuer(SecurityProperties properties) {
    this.key = Base64.getDecoder().decode(properties.jwtSecret());
  }

  public Issued volunteer(UUID volunteer, Duration lifetime) {
    return sign(
        new JWTClaimsSet.Builder()
            .subject(volunteer.toString())
            .claim(SecurityConfiguration.ROLES_CLAIM, List.of(Role.VOLUNTEER.name())),
        lifetime);
  }

  public Issued member(String subject, UUID organization, Duration lifetime) {
    return sign(
        new JWTClaimsSet.Builder()
            .subject(subject)
            .claim(SecurityConfiguration.ROLES_CLAIM, List.of(Role.ORG_MEMBER.name()))
            .claim(SecurityConfiguration.ORGANIZATION_CLAIM, organization.toString()),
        lifetime);
  }

  private Issued sign(JWTClaimsSet.Builder claims, Duration lifetime) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(lifetime);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader(JWSAlgorithm.HS256),
              claims.issueTime(Date.from(now)).expirationTime(Date.from(expiresAt)).build());
      jwt.sign(new MACSigner(key));
      return new Issued(jwt.serialize(), expiresAt);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }
}
