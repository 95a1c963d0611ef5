package sa.volunteering.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void aRatioSaysWhetherItMeetsItsAimAndNeverLooksLikeTheAimWhenItMissesIt() {
    assertThat(Report.against(1.2, 1.3, true)).isEqualTo("**1.20** (aim ≤ 1.30, met)");
    assertThat(Report.against(1.31, 1.3, true)).isEqualTo("**1.31** (aim ≤ 1.30, missed)");
    assertThat(Report.against(0.798, 0.8, false)).isEqualTo("**0.798** (aim ≥ 0.80, missed)");
    assertThat(Report.against(0.8, 0.8, false)).isEqualTo("**0.80** (aim ≥ 0.80, met)");
  }

  @Test
  void aSectionIsMarkdownWithItsTablesAndCharts() {
    Report.Section section =
        new Report.Section("Title")
            .paragraph("Text.")
            .table(List.of("a", "b"), List.of(List.of("1", "2")))
            .chart(new Report.Chart("c.png", "Chart", "x", "y", List.of()));
    assertThat(section.markdown("charts"))
        .isEqualTo(
            "### Title\n\nText.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Chart](charts/c.png)\n\n");
  }

  @Test
  void chartScalesEndOnRoundNumbers() {
    assertThat(Charts.nice(0)).isEqualTo(1);
    assertThat(Charts.nice(47)).isEqualTo(50);
    assertThat(Charts.nice(101)).isEqualTo(200);
    assertThat(Charts.nice(336_500)).isEqualTo(500_000);
  }
}
