package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;

/**
 * A small fixed corpus of opportunities, published through the API by one organization of its own
 * and indexed by the real indexer, so that searches filtered on that organization see exactly
 * these. Built once per test JVM and shared by the search tests.
 */
final class SearchCorpus {

  /** One opportunity of the corpus; {@code days} is how far ahead it starts. */
  record Entry(
      String key,
      String titleAr,
      @Nullable String titleEn,
      String descriptionAr,
      String field,
      String city,
      String mode,
      int days,
      List<String> skills,
      @Nullable String gender,
      @Nullable Integer minAge,
      @Nullable Integer maxAge) {}

  static final List<Entry> ENTRIES =
      List.of(
          entry(
              "first-aid",
              "الإسْعافات الأوّلية في ملتقى الشباب",
              "First aid at the youth forum",
              "تقديم الإسعافات الأولية للمشاركين في ملتقى الشباب السنوي وتوعيتهم بالسلامة",
              "health",
              "riyadh",
              3,
              "first_aid",
              "cpr"),
          entry(
              "hajj-crowds",
              "تنظيم الحشود في موسم الحج",
              "Crowd management during the Hajj season",
              "المساعدة في تنظيم حركة الحجاج عند الجمرات وتوجيههم بأمان",
              "hajj_umrah",
              "makkah",
              30,
              "crowd_management"),
          entry(
              "coordinator",
              "مسؤول تنسيق المتطوعين في المعرض",
              "Volunteer coordination officer at the exhibition",
              "متابعة جداول المتطوعين وتوزيع المهام عليهم طوال أيام المعرض",
              "events",
              "riyadh",
              12,
              "volunteer_coordination"),
          entry(
              "quran",
              "تحفيظ القرآن الكريم للأطفال",
              "Quran memorization for children",
              "حلقات تحفيظ وتلاوة للأطفال في الحي بعد صلاة العصر",
              "religious",
              "madinah",
              5,
              "quran_teaching"),
          entry(
              "trees",
              "زراعة الأشجار في حديقة الملك عبدالله",
              "Tree planting in King Abdullah Park",
              "حملة تشجير لزيادة الغطاء النباتي في الحديقة مع الأسر",
              "environment",
              "riyadh",
              8,
              "tree_planting"),
          entry(
              "beach",
              "تنظيف شاطئ الكورنيش",
              "Corniche beach cleanup",
              "جمع النفايات البلاستيكية من الشاطئ وفرزها لإعادة التدوير",
              "environment",
              "jeddah",
              6,
              "beach_cleanup",
              "recycling"),
          inMode(
              "translation",
              "ترجمة محتوى توعوي من العربية إلى الإنجليزية",
              "Translating awareness content from Arabic to English",
              "ترجمة مقالات ومنشورات التوعية الصحية ومراجعتها لغويا",
              "translation",
              "riyadh",
              4,
              "remote",
              "translation_ar_en"),
          entry(
              "elderly",
              "زيارة كبار السن في دار الرعاية",
              "Visiting the elderly at the care home",
              "قضاء وقت مع المسنين والاستماع إليهم ومشاركتهم الأنشطة",
              "elderly_care",
              "dammam",
              9,
              "elderly_companionship"),
          inMode(
              "design",
              "تصميم الهوية البصرية لجمعية خيرية",
              "Graphic design of a charity's visual identity",
              "تصميم الشعار والألوان والمطبوعات للجمعية",
              "media",
              "jeddah",
              15,
              "remote",
              "graphic_design"),
          eligible(
              "blood",
              "حملة التبرع بالدم في مستشفى الملك فهد",
              "Blood donation campaign at King Fahd Hospital",
              "استقبال المتبرعين وتسجيلهم وإرشادهم داخل المستشفى",
              "blood_donation",
              "dammam",
              2,
              "on_site",
              null,
              18,
              60,
              "blood_drive"),
          entry(
              "pilgrims",
              "برنامج إرشاد الحجاج والزوار",
              "Guiding pilgrims and visitors",
              "مرافقة الزوار في المسجد النبوي وإرشادهم إلى الخدمات",
              "hajj_umrah",
              "madinah",
              20,
              "pilgrim_guidance"),
          inMode(
              "mobile",
              "تطوير تطبيق جوال لبنك الطعام",
              "Building a mobile app for the food bank",
              "برمجة تطبيق يربط المتبرعين بالطعام الفائض مع المستفيدين",
              "technology",
              "riyadh",
              25,
              "hybrid",
              "mobile_development"),
          entry(
              "baskets",
              "توزيع السلال الغذائية في رمضان",
              "Food basket distribution in Ramadan",
              "تجهيز السلال الغذائية وتوصيلها إلى الأسر المستحقة في الأحياء",
              "social",
              "taif",
              11,
              "food_distribution",
              "logistics"),
          entry(
              "iftar",
              "إفطار صائم في المسجد",
              "Iftar for fasting people at the mosque",
              "تجهيز وجبات الإفطار وتوزيعها على الصائمين عند المغرب",
              "mosques",
              "jeddah",
              14,
              "iftar_projects"),
          entry(
              "civil-defense",
              "التطوع مع الدفاع المدني في تمارين الإخلاء",
              "Evacuation drills with civil defense",
              "المشاركة في تمارين إخلاء المباني المدرسية وتوعية الطلاب",
              "emergency",
              "khobar",
              7,
              "evacuation",
              "civil_defense"),
          entry(
              "alula",
              "الإرشاد السياحي في العُلا",
              "Tour guiding in AlUla",
              "مرافقة الزوار في المواقع الأثرية وشرح تاريخها",
              "tourism",
              "alula",
              16,
              "tour_guiding"),
          entry(
              "sign-language",
              "تعليم لغة الإشارة لأسر الصم",
              "Teaching sign language to families of deaf children",
              "دروس أسبوعية لأولياء الأمور في أساسيات لغة الإشارة",
              "disability",
              "abha",
              10,
              "sign_language"),
          entry(
              "literacy",
              "محو الأمية في القرى",
              "Literacy classes in villages",
              "تعليم القراءة والكتابة للكبار في القرى المجاورة",
              "education",
              "abha",
              13,
              "literacy"),
          entry(
              "photos",
              "تصوير فعاليات اليوم الوطني",
              "Photographing National Day events",
              "توثيق الفعاليات بالصور والفيديو ونشرها على حسابات الجمعية",
              "media",
              "riyadh",
              1,
              "photography"),
          entry(
              "marathon",
              "دعم ماراثون الرياض",
              "Riyadh marathon support",
              "توزيع المياه على العدائين وتنظيم نقاط الانطلاق",
              "sports",
              "riyadh",
              40,
              "marathon_support"),
          entry(
              "water",
              "سقيا الحجاج في عرفات",
              "Water for pilgrims at Arafat",
              "توزيع عبوات المياه الباردة على ضيوف الرحمن يوم عرفة",
              "hajj_umrah",
              "makkah",
              31,
              "water_distribution"),
          inMode(
              "website",
              "برمجة موقع إلكتروني للجمعية",
              "Building the charity's website",
              "تطوير موقع يعرض برامج الجمعية ويستقبل طلبات المستفيدين",
              "technology",
              "jeddah",
              18,
              "remote",
              "web_development"),
          entry(
              "dates-festival",
              "تنظيم المتطوعين في مهرجان التمور",
              "Organizing volunteers at the dates festival",
              "استقبال الزوار وتنظيم الأجنحة في مهرجان التمور السنوي",
              "events",
              "madinah",
              22,
              "event_organization"),
          eligible(
              "women-health",
              "توعية صحية للنساء في المراكز الصحية",
              "Health awareness for women",
              "جلسات توعية بالصحة العامة للنساء في المراكز الصحية",
              "health",
              "taif",
              19,
              "on_site",
              "female",
              null,
              null,
              "health_awareness"),
          entry(
              "animals",
              "رعاية الحيوانات في الملجأ",
              "Caring for animals at the shelter",
              "إطعام الحيوانات وتنظيف أماكنها ومرافقة الزوار",
              "animal_welfare",
              "khobar",
              21,
              "animal_care"),
          entry(
              "mosque-care",
              "صيانة المساجد وتنظيفها",
              "Mosque maintenance and cleaning",
              "أعمال صيانة خفيفة وتنظيف السجاد قبل صلاة الجمعة",
              "mosques",
              "riyadh",
              17,
              "mosque_maintenance"),
          inMode(
              "cyber",
              "توعية الأسر بالأمن السيبراني",
              "Cybersecurity awareness for families",
              "ورش عمل عن حماية الحسابات وكلمات المرور",
              "technology",
              "dammam",
              23,
              "hybrid",
              "cybersecurity"),
          entry(
              "full",
              "استقبال ضيوف المؤتمر الدولي",
              "Welcoming guests of the international conference",
              "استقبال الضيوف في قاعة المؤتمرات وإرشادهم إلى القاعات",
              "events",
              "riyadh",
              26,
              "ushering"));

  private static @Nullable SearchCorpus built;

  final UUID organization;
  final Map<String, String> ids;
  final String closedId;

  private SearchCorpus(UUID organization, Map<String, String> ids, String closedId) {
    this.organization = organization;
    this.ids = ids;
    this.closedId = closedId;
  }

  static synchronized SearchCorpus build(
      Api api, OutboxIndexer indexer, ElasticsearchClient elasticsearch) {
    if (built != null) {
      return built;
    }
    Fixtures fixtures = new Fixtures(api);
    Api.Response created =
        api.post(
            "/api/organizations",
            Tokens.admin(),
            Fixtures.organizationBody("جمعية ساعد التطوعية", "Saed Volunteering Society"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    UUID organization = UUID.fromString(created.id());
    Map<String, String> ids = new LinkedHashMap<>();
    for (Entry entry : ENTRIES) {
      int seats = entry.key().equals("full") ? 1 : 10;
      Api.Response draft =
          api.post(
              "/api/organizations/" + organization + "/opportunities",
              Tokens.member(organization),
              body(entry, seats));
      assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
      Api.Response published =
          api.post(
              "/api/opportunities/" + draft.id() + "/publish", Tokens.member(organization), null);
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
      ids.put(entry.key(), draft.id());
    }
    fixtures.accept(
        organization, fixtures.application(fixtures.volunteer(), UUID.fromString(ids.get("full"))));
    Api.Response closed =
        api.post(
            "/api/organizations/" + organization + "/opportunities",
            Tokens.member(organization),
            body(
                entry(
                    "closed",
                    "الإسعافات الأولية في مخيم مغلق",
                    "First aid at a closed camp",
                    "فرصة أغلقتها الجمعية قبل موعدها",
                    "health",
                    "riyadh",
                    3,
                    "first_aid"),
                10));
    api.post("/api/opportunities/" + closed.id() + "/publish", Tokens.member(organization), null);
    assertThat(
            api.post(
                    "/api/opportunities/" + closed.id() + "/close",
                    Tokens.member(organization),
                    null)
                .status())
        .isEqualTo(200);
    indexer.drain().block(Duration.ofSeconds(60));
    try {
      elasticsearch.indices().refresh(r -> r.index(TestEnvironment.PREFIX + "opportunities"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    built = new SearchCorpus(organization, Map.copyOf(ids), closed.id());
    return built;
  }

  String id(String key) {
    String id = ids.get(key);
    assertThat(id).as("corpus entry " + key).isNotNull();
    return id;
  }

  String key(String id) {
    return ids.entrySet().stream()
        .filter(e -> e.getValue().equals(id))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(id);
  }

  static Entry entry(
      String key,
      String titleAr,
      String titleEn,
      String descriptionAr,
      String field,
      String city,
      int days,
      String... skills) {
    return new Entry(
        key,
        titleAr,
        titleEn,
        descriptionAr,
        field,
        city,
        "on_site",
        days,
        List.of(skills),
        null,
        null,
        null);
  }

  static Entry inMode(
      String key,
      String titleAr,
      String titleEn,
      String descriptionAr,
      String field,
      String city,
      int days,
      String mode,
      String skill) {
    return new Entry(
        key,
        titleAr,
        titleEn,
        descriptionAr,
        field,
        city,
        mode,
        days,
        List.of(skill),
        null,
        null,
        null);
  }

  static Entry eligible(
      String key,
      String titleAr,
      String titleEn,
      String descriptionAr,
      String field,
      String city,
      int days,
      String mode,
      @Nullable String gender,
      @Nullable Integer minAge,
      @Nullable Integer maxAge,
      String skill) {
    return new Entry(
        key,
        titleAr,
        titleEn,
        descriptionAr,
        field,
        city,
        mode,
        days,
        List.of(skill),
        gender,
        minAge,
        maxAge);
  }

  static Instant start(Entry entry) {
    return Instant.now()
        .plus(entry.days(), ChronoUnit.DAYS)
        .truncatedTo(ChronoUnit.DAYS)
        .plus(9, ChronoUnit.HOURS);
  }

  private static Map<String, Object> body(Entry entry, int seats) {
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.opportunityBody(seats));
    body.put("titleAr", entry.titleAr());
    body.put("titleEn", entry.titleEn());
    body.put("descriptionAr", entry.descriptionAr());
    body.put("fieldCode", entry.field());
    body.put("cityCode", entry.city());
    double[] point = Cities.POINTS.get(entry.city());
    body.put("lat", point[0]);
    body.put("lon", point[1]);
    body.put("mode", entry.mode());
    Instant start = start(entry);
    body.put("startsAt", start.toString());
    body.put("endsAt", start.plus(2, ChronoUnit.DAYS).toString());
    body.put("gender", entry.gender() == null ? "any" : entry.gender());
    body.put("minAge", entry.minAge());
    body.put("maxAge", entry.maxAge());
    List<Map<String, Object>> skills = new ArrayList<>();
    entry.skills().forEach(skill -> skills.add(Map.of("code", skill, "weight", 1.0)));
    body.put("requiredSkills", skills);
    return body;
  }

  /** The centres of the corpus's cities, as in the taxonomy. */
  static final class Cities {
    static final Map<String, double[]> POINTS =
        Map.of(
            "riyadh",
            new double[] {24.7136, 46.6753},
            "makkah",
            new double[] {21.3891, 39.8579},
            "jeddah",
            new double[] {21.4858, 39.1925},
            "taif",
            new double[] {21.2703, 40.4158},
            "madinah",
            new double[] {24.5247, 39.5692},
            "alula",
            new double[] {26.6086, 37.9232},
            "dammam",
            new double[] {26.4207, 50.0888},
            "khobar",
            new double[] {26.2172, 50.1971},
            "abha",
            new double[] {18.2164, 42.5053});
  }
}
