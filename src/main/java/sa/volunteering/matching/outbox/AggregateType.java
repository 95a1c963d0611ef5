package sa.volunteering.matching.outbox;

/**
 * What an outbox row announces a change of; the values match the outbox table's check constraint.
 */
public enum AggregateType {
  ORGANIZATION("organization"),
  VOLUNTEER("volunteer"),
  OPPORTUNITY("opportunity");

  private final String column;

  AggregateType(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }
}
