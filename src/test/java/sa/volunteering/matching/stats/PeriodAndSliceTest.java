package sa.volunteering.matching.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.system.problem.ApiException;

class PeriodAndSliceTest {

  @Test
  void monthsAreReadStrictly() {
    assertThat(Period.of("2025-01", "2025-12"))
        .isEqualTo(new Period(YearMonth.of(2025, 1), YearMonth.of(2025, 12)));
    assertThat(Period.of(null, "")).isEqualTo(Period.ALL_TIME);
    assertThat(Period.of("2025-06", "2025-06").singleMonth()).isTrue();
    assertThat(Period.of("2025-06", null).singleMonth()).isFalse();
    for (String wrong :
        new String[] {
          "2025-13", "2025-6", "2025-06-01", "+2025-06", "1999-12", "2101-01", "٢٠٢٥-٠٦", "June"
        }) {
      assertThat(detail(() -> Period.of(wrong, null)))
          .as(wrong)
          .startsWith("from: must be a month");
    }
    assertThat(detail(() -> Period.of("2025-05", "2025-04"))).startsWith("to: must not be before");
  }

  private static String detail(Runnable refused) {
    try {
      refused.run();
    } catch (ApiException problem) {
      return problem.getBody().getDetail();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void anOrganizationsBreakdownReadsItsOwnRowsOnly() {
    UUID organization = UUID.fromString("6f1c1f1e-0000-4000-8000-000000000001");
    assertThat(Dimension.FIELD.slice(null)).isEqualTo(new Slice("field", "", false));
    assertThat(Dimension.MONTH.slice(null)).isEqualTo(new Slice("platform", "", true));
    Slice fields = Dimension.FIELD.slice(organization);
    assertThat(fields).isEqualTo(new Slice("organization_field", organization + "|", false));
    assertThat(fields.groupKey(organization + "|health")).isEqualTo("health");
    assertThat(fields.countsFields()).isFalse();
    assertThat(fields.countsRegistrations()).isFalse();
    assertThat(Dimension.MONTH.slice(organization))
        .isEqualTo(new Slice("organization", organization.toString(), true));
    assertThat(Dimension.ORGANIZATION.slice(organization).groupKey(organization.toString()))
        .isEqualTo(organization.toString());
    assertThat(Dimension.CITY.slice(null).countsRegistrations()).isTrue();
    assertThat(detail(() -> Dimension.of("planet")))
        .isEqualTo("by: must be one of field, city, region, month, organization");
  }
}
