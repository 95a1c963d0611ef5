package sa.volunteering.matching.security;

/** The roles a token can carry in its {@code roles} claim. */
public enum Role {
  VOLUNTEER,
  ORG_MEMBER,
  ADMIN
}
