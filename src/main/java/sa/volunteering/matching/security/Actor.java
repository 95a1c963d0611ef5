package sa.volunteering.matching.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.system.problem.Problems;

/**
 * The caller of a request. A volunteer's id is the token's subject; an organization member's
 * organization is the token's {@code org} claim. Anonymous callers have no role.
 */
public record Actor(Set<Role> roles, @Nullable UUID volunteerId, @Nullable UUID organizationId) {

  public static final Actor ANONYMOUS = new Actor(EnumSet.noneOf(Role.class), null, null);

  public boolean isAnonymous() {
    return roles.isEmpty();
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public boolean isVolunteer(UUID id) {
    return roles.contains(Role.VOLUNTEER) && id.equals(volunteerId);
  }

  public boolean isMemberOf(UUID organization) {
    return roles.contains(Role.ORG_MEMBER) && organization.equals(organizationId);
  }

  /** Admins, and members of {@code organization}. */
  public boolean canManage(UUID organization) {
    return isAdmin() || isMemberOf(organization);
  }

  /**
   * 401 for an anonymous caller (they may be allowed once signed in), else 403 with {@code detail}.
   */
  public RuntimeException denied(String detail) {
    return isAnonymous() ? Problems.unauthorized() : Problems.forbidden(detail);
  }

  public UUID requireVolunteer() {
    if (!roles.contains(Role.VOLUNTEER) || volunteerId == null) {
      throw denied("Only a volunteer can do this");
    }
    return volunteerId;
  }

  public void requireAdmin() {
    if (!isAdmin()) {
      throw denied("Only a platform administrator can do this");
    }
  }

  public void requireOrganizationRole() {
    if (!isAdmin() && !roles.contains(Role.ORG_MEMBER)) {
      throw denied("Only members of an organization or administrators can do this");
    }
  }
}
