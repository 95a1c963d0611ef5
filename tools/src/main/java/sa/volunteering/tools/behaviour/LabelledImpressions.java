package sa.volunteering.tools.behaviour;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.system.Columns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Impressions with what followed them: a result of a volunteer's matches is positive when the
 * volunteer applied to it within {@link #WINDOW_DAYS} days of the showing, a result of an
 * opportunity's candidates when the volunteer was accepted for it in that time (the organization
 * wanted them and they wanted it).
 */
@Component
class LabelledImpressions {

  static final int WINDOW_DAYS = 14;

  /** One result shown, the points each component earned, and whether it led somewhere. */
  record Labelled(
      UUID list, boolean candidates, int rank, Map<String, Double> points, boolean positive) {}

  private static final TypeReference<Map<String, Double>> POINTS = new TypeReference<>() {};

  private static final String SQL =
      """
      select i.list_id, i.direction, i.rank, i.components::text as points,
        exists (select 1 from outcomes x
          where x.volunteer_id = i.volunteer_id and x.opportunity_id = i.opportunity_id
            and x.kind = case i.direction when 'opportunities' then 'applied' else 'accepted' end
            and x.happened_at >= i.shown_at and x.happened_at < i.shown_at + make_interval(days => %d)) as positive
      from impressions i
      where %s
      order by i.list_id, i.rank
      """
          .formatted(WINDOW_DAYS, ListsInBatches.WHERE);

  private final DatabaseClient database;
  private final JsonMapper json;

  LabelledImpressions(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  Flux<Labelled> since(Instant since) {
    return ListsInBatches.all(database, SQL, since, this::labelled);
  }

  private Labelled labelled(Readable row) {
    return new Labelled(
        Columns.required(row, "list_id", UUID.class),
        Columns.required(row, "direction", String.class).equals("candidates"),
        Columns.required(row, "rank", Integer.class),
        json.readValue(Columns.required(row, "points", String.class), POINTS),
        Columns.required(row, "positive", Boolean.class));
  }
}
