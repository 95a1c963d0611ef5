package sa.volunteering.matching.application;

import java.util.EnumSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.Role;

/**
 * The acts of the application lifecycle on behalf of a named volunteer or organization, for tools
 * that act as people (the behaviour simulator): the same rules, transactions, seats and outcome
 * records as the API's, each answering the application's id or failing as the API would (a problem
 * response's exception).
 */
@Component
public class ApplicationActs {

  private final ApplicationService applications;

  ApplicationActs(ApplicationService applications) {
    this.applications = applications;
  }

  public Mono<UUID> apply(UUID volunteer, UUID opportunity) {
    return applications
        .apply(
            new Actor(EnumSet.of(Role.VOLUNTEER), volunteer, null),
            opportunity,
            new ApplyRequest(null))
        .map(ApplicationView::id);
  }

  public Mono<UUID> accept(UUID organization, UUID application) {
    return applications.accept(member(organization), application).map(ApplicationView::id);
  }

  public Mono<UUID> reject(UUID organization, UUID application) {
    return applications.reject(member(organization), application).map(ApplicationView::id);
  }

  public Mono<UUID> complete(UUID organization, UUID application) {
    return applications.complete(member(organization), application).map(ApplicationView::id);
  }

  private static Actor member(UUID organization) {
    return new Actor(EnumSet.of(Role.ORG_MEMBER), null, organization);
  }
}
