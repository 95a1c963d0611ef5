package sa.volunteering.matching.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys the service cannot run without. There are no defaults: the {@code local} profile supplies
 * development keys, and anywhere else a missing key stops the start with a message naming it.
 *
 * @param jwtSecret base64 of the HMAC-SHA256 key that signs access tokens (at least 32 bytes)
 * @param nationalIdKey base64 of the key under which national IDs are hashed (at least 32 bytes);
 *     changing it makes every stored hash unmatchable
 */
@Validated
@ConfigurationProperties("app.security")
public record SecurityProperties(
    @NotBlank(
            message =
                "set app.security.jwt-secret (APP_SECURITY_JWT_SECRET): base64 of at least 32 random bytes")
        @Pattern(regexp = "[A-Za-z0-9+/=]{44,}", message = "must be base64 of at least 32 bytes")
        String jwtSecret,
    @NotBlank(
            message =
                "set app.security.national-id-key (APP_SECURITY_NATIONAL_ID_KEY): base64 of at least 32 random bytes")
        @Pattern(regexp = "[A-Za-z0-9+/=]{44,}", message = "must be base64 of at least 32 bytes")
        String nationalIdKey) {

  @Override
  public String toString() {
    return "SecurityProperties[keys hidden]";
  }
}
