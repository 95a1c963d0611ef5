package sa.volunteering.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  void theRunsDatabaseReplacesTheConfiguredOneAndKeepsTheOptions() {
    assertThat(TestDatabase.withDatabase("r2dbc:postgresql://127.0.0.1:5432/volunteering", "it_x"))
        .isEqualTo("r2dbc:postgresql://127.0.0.1:5432/it_x");
    assertThat(
            TestDatabase.withDatabase(
                "r2dbc:pool:postgresql://db:5433/platform?sslMode=require", "it_x"))
        .isEqualTo("r2dbc:pool:postgresql://db:5433/it_x?sslMode=require");
    assertThat(TestDatabase.withDatabase("r2dbc:postgresql://localhost", "it_x"))
        .isEqualTo("r2dbc:postgresql://localhost/it_x");
  }

  @Test
  void onlyDatabasesOfTheNamingSchemeHaveACreationTime() {
    assertThat(TestDatabase.createdAt("it_20261204215500_0a1b2c3d"))
        .isEqualTo(Instant.parse("2026-12-04T21:55:00Z"));
    assertThat(TestDatabase.createdAt("volunteering")).isNull();
    assertThat(TestDatabase.createdAt("it_reports")).isNull();
    assertThat(TestDatabase.createdAt("it_20261304215500_0a1b2c3d")).as("no 13th month").isNull();
    assertThat(TestDatabase.createdAt("it_20261204215500_customer")).isNull();
  }

  @Test
  void aServerElsewhereIsRefusedUnlessSaidToBeForTests() {
    assertThatNoException()
        .isThrownBy(
            () ->
                TestDatabase.refuseSharedServer("r2dbc:postgresql://127.0.0.1:5432/volunteering"));
    assertThatNoException()
        .isThrownBy(
            () -> TestDatabase.refuseSharedServer("r2dbc:postgresql://localhost/volunteering"));
    assertThatNoException()
        .isThrownBy(
            () -> TestDatabase.refuseSharedServer("r2dbc:postgresql://[::1]:5432/volunteering"));
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TestDatabase.refuseSharedServer(
                    "r2dbc:postgresql://db.prod.internal:5432/volunteering"))
        .withMessageContaining("TEST_DATABASE_SERVER_FOR_TESTS");
    System.setProperty("test.database.server-for-tests", "true");
    try {
      assertThatNoException()
          .isThrownBy(
              () ->
                  TestDatabase.refuseSharedServer(
                      "r2dbc:postgresql://db.test.internal:5432/volunteering"));
    } finally {
      System.clearProperty("test.database.server-for-tests");
    }
  }
}
