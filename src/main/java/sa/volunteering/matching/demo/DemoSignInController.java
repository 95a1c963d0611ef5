package sa.volunteering.matching.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.TokenIssuer;
import sa.volunteering.matching.system.problem.Problems;

/**
 * Lets anyone act as any active volunteer or organization: for the demonstration page on a local or
 * demo deployment only (the {@code local} profile turns it on). Never administrators.
 */
@RestController
@Tag(name = "Demo sign-in")
@ConditionalOnProperty(name = "app.demo.sign-in", havingValue = "true")
class DemoSignInController {

  private static final Logger log = LoggerFactory.getLogger(DemoSignInController.class);
  private static final int LISTED = 6;

  record Accounts(
      List<DemoAccounts.DemoVolunteer> volunteers,
      List<DemoAccounts.DemoOrganization> organizations) {}

  record Session(String token, String as, UUID id, Instant expiresAt) {}

  private final DemoAccounts accounts;
  private final TokenIssuer tokens;
  private final Duration lifetime;

  DemoSignInController(
      DemoAccounts accounts,
      TokenIssuer tokens,
      @Value("${app.demo.token-lifetime:2h}") Duration lifetime) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.lifetime = lifetime;
    log.warn(
        "Demo sign-in is on (app.demo.sign-in): anyone can act as any volunteer or organization. Never in production.");
  }

  @GetMapping("/api/demo/accounts")
  @Operation(
      summary =
          "Volunteers and organizations the demo page offers to sign in as (no personal data)")
  Mono<Accounts> list() {
    return Mono.zip(
            accounts.volunteers(LISTED).collectList(), accounts.organizations(LISTED).collectList())
        .map(both -> new Accounts(both.getT1(), both.getT2()));
  }

  @PostMapping("/api/demo/sign-in")
  @Operation(summary = "A token for an active volunteer, or for a member of an active organization")
  Mono<Session> signIn(@Valid @RequestBody DemoSignInRequest request) {
    boolean volunteer = request.as().equals("volunteer");
    Mono<Boolean> exists =
        volunteer
            ? accounts.activeVolunteer(request.id())
            : accounts.activeOrganization(request.id());
    return exists.map(
        found -> {
          if (!found) {
            throw Problems.notFound(volunteer ? "Volunteer" : "Organization", request.id());
          }
          TokenIssuer.Issued issued =
              volunteer
                  ? tokens.volunteer(request.id(), lifetime)
                  : tokens.member("demo-member-" + request.id(), request.id(), lifetime);
          return new Session(issued.token(), request.as(), request.id(), issued.expiresAt());
        });
  }
}
