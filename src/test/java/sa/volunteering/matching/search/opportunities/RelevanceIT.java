package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import sa.volunteering.matching.support.Api;

/**
 * Queries as people type them (spelling variants, diacritics, hamza and teh marbuta forms, attached
 * prefixes, colloquial and English names of cities and skills, typos) against the fixed corpus: the
 * intended opportunity must be in the service's top 3. The same queries ranked by Lucene's stock
 * ArabicAnalyzer are printed beside, for comparison; they are reported, not asserted.
 */
class RelevanceIT extends CorpusSearchTest {

  /** A query and the corpus entry it is meant to find. */
  record Case(String query, String intended) {}

  static final List<Case> CASES =
      List.of(
          new Case("اسعافات اوليه", "first-aid"),
          new Case("الإسْعَافَات", "first-aid"),
          new Case("First aid course", "first-aid"),
          new Case("تنظيم الحشود بمكه", "hajj-crowds"),
          new Case("crowd control Mecca", "hajj-crowds"),
          new Case("مسئول تنسيق", "coordinator"),
          new Case("volunter coordinaton", "coordinator"),
          new Case("تحفيظ القران", "quran"),
          new Case("Quran teaching", "quran"),
          new Case("زراعه اشجار", "trees"),
          new Case("tree planting Riyadh", "trees"),
          new Case("تنظيف الشاطيء بجده", "beach"),
          new Case("beach cleanup Jiddah", "beach"),
          new Case("ترجمه للانجليزيه", "translation"),
          new Case("translator", "translation"),
          new Case("زياره المسنين", "elderly"),
          new Case("elderly care home", "elderly"),
          new Case("مصمم جرافيك", "design"),
          new Case("graphic designer", "design"),
          new Case("التبرع بالدم الدمام", "blood"),
          new Case("blood donation", "blood"),
          new Case("ارشاد الحجاج بالمدينه", "pilgrims"),
          new Case("تطبيقات الجوال", "mobile"),
          new Case("mobile app developer", "mobile"),
          new Case("افطار صائم", "iftar"),
          new Case("الدفاع المدنى", "civil-defense"),
          new Case("مرشد سياحي العلا", "alula"),
          new Case("Al Ula tour guide", "alula"),
          new Case("لغه الاشاره", "sign-language"),
          new Case("محو الاميه", "literacy"),
          new Case("photographer", "photos"),
          new Case("والمساجد", "mosque-care"),
          new Case("الأمن السيبراني", "cyber"));

  @Test
  void theIntendedOpportunityIsInTheTopThreeForEveryQuery() throws Exception {
    List<SearchCorpus.Entry> open =
        SearchCorpus.ENTRIES.stream().filter(entry -> !entry.key().equals("full")).toList();
    List<String> misses = new ArrayList<>();
    int serviceTop3 = 0;
    int stockTop3 = 0;
    StringBuilder report =
        new StringBuilder(
            String.format("%n%-28s %-14s %-8s %-8s%n", "query", "intended", "service", "stock"));
    try (StockArabicRanking stock = new StockArabicRanking(open)) {
      for (Case c : CASES) {
        Api.Response response =
            api.getEncoded(
                Api.query(
                    "/api/opportunities/search",
                    "q",
                    c.query(),
                    "organization",
                    corpus.organization,
                    "size",
                    10),
                new HttpHeaders());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        response
            .body()
            .path("items")
            .forEach(item -> keys.add(corpus.key(item.path("id").asString())));
        int serviceRank = keys.indexOf(c.intended()) + 1;
        int stockRank = stock.top(c.query(), 10).indexOf(c.intended()) + 1;
        serviceTop3 += serviceRank >= 1 && serviceRank <= 3 ? 1 : 0;
        stockTop3 += stockRank >= 1 && stockRank <= 3 ? 1 : 0;
        report.append(
            String.format(
                "%-28s %-14s %-8s %-8s%n",
                c.query(), c.intended(), rank(serviceRank), rank(stockRank)));
        if (serviceRank < 1 || serviceRank > 3) {
          misses.add(c.query() + " → " + keys.subList(0, Math.min(5, keys.size())));
        }
      }
    }
    report.append(
        String.format(
            "in the top 3: service %d of %d, stock ArabicAnalyzer %d of %d%n",
            serviceTop3, CASES.size(), stockTop3, CASES.size()));
    System.out.println(report);
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(25);
    assertThat(misses).as(report.toString()).isEmpty();
  }

  private static String rank(int rank) {
    return rank < 1 ? "—" : "#" + rank;
  }
}
