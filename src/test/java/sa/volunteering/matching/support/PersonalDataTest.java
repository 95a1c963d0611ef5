package sa.volunteering.matching.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

  @Test
  void findsIdsPhonesAddressesAndRegisteredNames() {
    PersonalData.learnName("ريم عبدالله القحطاني");
    assertThat(PersonalData.findIn("{\"nationalId\":\"1234567890\"}"))
        .singleElement()
        .asString()
        .startsWith("national ID 1234567890 in");
    assertThat(PersonalData.findIn("call 0551234567 or +966551234567"))
        .singleElement()
        .asString()
        .startsWith("phone 0551234567 in");
    assertThat(PersonalData.findIn("{\"email\":\"reem@example.org\"}"))
        .singleElement()
        .asString()
        .startsWith("e-mail reem@example.org in");
    assertThat(PersonalData.findIn("{\"name\":\"ريم عبدالله القحطاني\"}"))
        .containsExactly("name ريم عبدالله القحطاني");
  }

  @Test
  void learnsOnlyNamesThatLookLikeNames() {
    PersonalData.learnName("9223372036854775807");
    PersonalData.learnName("...---...");
    assertThat(PersonalData.findIn("{\"id\":9223372036854775807,\"p\":\"...---...\"}")).isEmpty();
  }

  @Test
  void leavesIdsTimestampsAndCountsAlone() {
    assertThat(
            PersonalData.findIn(
                "{\"id\":\"0e125d07-3666-46e3-bf2b-adbacc4cab18\",\"publishedAt\":1796000000123,"
                    + "\"total\":336000,\"cursor\":\"relevance:1.25:abc\",\"hours\":32000000,\"lat\":21.0541946750,\"lon\":1234567890.5,"
                    + "\"other\":\"ce27a5c3-c14d-4eae-bcdf-da0516090733\"}"))
        .isEmpty();
  }

  @Test
  void onlyProfilesAndApplicantListsMayReturnIt() {
    assertThat(PersonalData.mayReturn("GET", "/api/volunteers/me")).isTrue();
    assertThat(
            PersonalData.mayReturn("GET", "/api/volunteers/0e125d07-3666-46e3-bf2b-adbacc4cab18"))
        .isTrue();
    assertThat(
            PersonalData.mayReturn(
                "GET", "/api/opportunities/0e125d07-3666-46e3-bf2b-adbacc4cab18/applications"))
        .isTrue();
    assertThat(
            PersonalData.mayReturn(
                "GET", "/api/opportunities/0e125d07-3666-46e3-bf2b-adbacc4cab18/candidates"))
        .isFalse();
    assertThat(PersonalData.mayReturn("GET", "/api/opportunities/search")).isFalse();
    assertThat(
            PersonalData.mayReturn(
                "GET", "/api/volunteers/0e125d07-3666-46e3-bf2b-adbacc4cab18/matches"))
        .isFalse();
  }
}
