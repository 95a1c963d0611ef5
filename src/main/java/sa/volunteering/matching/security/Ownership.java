package sa.volunteering.matching.security;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Who the caller is, as parameters of a SQL statement, so that a statement reading or changing one
 * object by its id checks in its own {@code where} clause that the caller may (OWASP API1,
 * object-level authorization). The services check first, to answer 403 or 404; these conditions
 * make a statement that skipped the check change nothing and return nothing.
 *
 * <p>A statement puts one of the conditions below in its {@code where} clause and is made with
 * {@link #statement}.
 */
public record Ownership(boolean admin, UUID organization, UUID volunteer) {

  /** Stands for "no such identity": generated ids are never all zeros. */
  private static final UUID NOBODY = new UUID(0, 0);

  public static Ownership of(Actor actor) {
    UUID organization =
        actor.roles().contains(Role.ORG_MEMBER) && actor.organizationId() != null
            ? actor.organizationId()
            : NOBODY;
    UUID volunteer =
        actor.roles().contains(Role.VOLUNTEER) && actor.volunteerId() != null
            ? actor.volunteerId()
            : NOBODY;
    return new Ownership(actor.isAdmin(), organization, volunteer);
  }

  /**
   * True when the organization in {@code column} is the caller's, or the caller is an
   * administrator.
   */
  public static String managedBy(String column) {
    return "(:owner_admin or " + column + " = :owner_org)";
  }

  /**
   * True when the volunteer in {@code column} is the caller (administrators included only where the
   * caller may act for them).
   */
  public static String volunteerIs(String column) {
    return "(" + column + " = :owner_volunteer)";
  }

  /**
   * True for the volunteer in {@code volunteerColumn}, members of the organization in {@code
   * organizationColumn}, and administrators.
   */
  public static String involves(String volunteerColumn, String organizationColumn) {
    return "(:owner_admin or "
        + organizationColumn
        + " = :owner_org or "
        + volunteerColumn
        + " = :owner_volunteer)";
  }

  /** The statement, with the caller bound to the parameters its conditions name. */
  public DatabaseClient.GenericExecuteSpec statement(DatabaseClient database, String sql) {
    DatabaseClient.GenericExecuteSpec statement = database.sql(sql);
    if (sql.contains(":owner_admin")) {
      statement = statement.bind("owner_admin", admin);
    }
    if (sql.contains(":owner_org")) {
      statement = statement.bind("owner_org", organization);
    }
    if (sql.contains(":owner_volunteer")) {
      statement = statement.bind("owner_volunteer", volunteer);
    }
    return statement;
  }
}
