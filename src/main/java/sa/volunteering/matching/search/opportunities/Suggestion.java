package sa.volunteering.matching.search.opportunities;

/**
 * One completion of what the user is typing.
 *
 * @param type {@code city}, {@code field}, {@code skill}, {@code organization} or {@code
 *     opportunity}
 * @param code the taxonomy code, or the id of the organization or opportunity
 * @param text what to show, in the script the user is typing
 */
public record Suggestion(String type, String code, String text) {}
