package sa.volunteering.matching.application;

import java.util.UUID;
import sa.volunteering.matching.security.Actor;

/** The facts about an application that decide who may act on it. */
record ApplicationRecord(UUID id, UUID opportunityId, UUID organizationId, UUID volunteerId, String status, long version) {

  boolean visibleTo(Actor actor) {
    return actor.isVolunteer(volunteerId) || actor.canManage(organizationId);
  }
}
