package sa.volunteering.tools.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import sa.volunteering.matching.taxonomy.City;
import sa.volunteering.matching.taxonomy.Field;
import sa.volunteering.matching.taxonomy.Skill;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * A deterministic generator of Saudi platform data: organizations, opportunities with Arabic (some
 * English or mixed) text composed per field and typed with everyday variation, and volunteers with
 * skills, fields, languages, availability and demographics, spread over the taxonomy's cities
 * (bigger cities get more) with location jitter. The same seed and sizes give the same records, ids
 * included.
 */
public final class DatasetGenerator {

  private static final String[] ORGANIZATION_KINDS = {
    "nonprofit", "nonprofit", "nonprofit", "government", "private", "academic", "community"
  };
  private static final String[] ORGANIZATION_PREFIXES = {
    "جمعية", "مؤسسة", "مركز", "فريق", "نادي", "هيئة"
  };
  private static final String[] ORGANIZATION_NAMES = {
    "البر",
    "الخير",
    "التنمية الأسرية",
    "إنسان",
    "الهلال",
    "رعاية الأيتام",
    "الإحسان",
    "سند",
    "أثر",
    "بصمة",
    "عطاء",
    "نماء",
    "الوفاء",
    "تكافل",
    "الأمل",
    "مودة",
    "إكرام",
    "ساعد",
    "همة",
    "رواد"
  };
  private static final String[] ORGANIZATION_NAMES_EN = {
    "Al Birr",
    "Al Khair",
    "Family Development",
    "Insan",
    "Al Hilal",
    "Orphan Care",
    "Ihsan",
    "Sanad",
    "Athar",
    "Basma",
    "Ataa",
    "Namaa",
    "Wafa",
    "Takaful",
    "Amal",
    "Mawadda",
    "Ikram",
    "Saeid",
    "Himma",
    "Ruwad"
  };
  private static final String[] ACTIVITIES = {
    "تنظيم", "دعم", "المشاركة في", "تنسيق", "مساندة", "إدارة", "تطوير", "خدمة"
  };
  private static final String[] EVENTS = {
    "المعرض", "الحملة", "المهرجان", "البرنامج", "المبادرة", "الملتقى", "الفعالية", "الورشة"
  };
  private static final String[] FIRST_NAMES = {
    "محمد",
    "عبدالله",
    "فهد",
    "سارة",
    "نورة",
    "ريم",
    "خالد",
    "عبدالرحمن",
    "لمى",
    "هيا",
    "أحمد",
    "منيرة",
    "سلطان",
    "العنود",
    "تركي",
    "جواهر",
    "ماجد",
    "دانة",
    "بندر",
    "أروى"
  };
  private static final String[] FAMILY_NAMES = {
    "العتيبي",
    "القحطاني",
    "الغامدي",
    "الزهراني",
    "الشهري",
    "الدوسري",
    "الحربي",
    "المطيري",
    "الشمري",
    "العنزي",
    "السبيعي",
    "الأحمدي",
    "المالكي",
    "البقمي",
    "الجهني"
  };
  private static final String[] LANGUAGES = {"ar", "en", "ur", "fr", "id", "tr", "hi", "bn"};
  private static final String[] WEEKDAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  private static final String[] MODES = {
    "on_site", "on_site", "on_site", "on_site", "hybrid", "remote"
  };

  private final List<City> weightedCities;
  private final List<String> publicOpportunities = new ArrayList<>();
  private final List<Field> fields;
  private final List<Skill> skills;

  public DatasetGenerator(Taxonomy taxonomy) {
    this.fields = taxonomy.fields().all();
    this.skills = taxonomy.skills().all();
    this.weightedCities = new ArrayList<>();
    for (City city : taxonomy.cities().all()) {
      int weight =
          switch (city.code()) {
            case "riyadh" -> 30;
            case "jeddah" -> 20;
            case "makkah", "madinah", "dammam" -> 8;
            case "khobar", "taif", "ahsa", "buraydah", "tabuk", "abha", "khamis_mushait" -> 3;
            default -> 1;
          };
      for (int i = 0; i < weight; i++) {
        weightedCities.add(city);
      }
    }
  }

  /** Organizations, each with a stable id derived from the seed. */
  public List<Map<String, Object>> organizations(long seed, int count) {
    Random random = new Random(seed);
    List<Map<String, Object>> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int name = random.nextInt(ORGANIZATION_NAMES.length);
      int prefix = random.nextInt(ORGANIZATION_PREFIXES.length);
      Map<String, Object> organization = new LinkedHashMap<>();
      organization.put("id", id(seed, "organization", i).toString());
      organization.put(
          "nameAr", ORGANIZATION_PREFIXES[prefix] + " " + ORGANIZATION_NAMES[name] + " " + (i + 1));
      organization.put("nameEn", ORGANIZATION_NAMES_EN[name] + " " + (i + 1));
      organization.put("cityCode", city(random).code());
      organization.put("kind", ORGANIZATION_KINDS[random.nextInt(ORGANIZATION_KINDS.length)]);
      organization.put("verified", random.nextInt(10) < 8);
      result.add(organization);
    }
    return result;
  }

  /**
   * Opportunities of the given organizations, handed one by one to {@code sink} (bounded memory).
   */
  public void opportunities(
      long seed, int count, List<String> organizationIds, Consumer<Map<String, Object>> sink) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    Instant now = Instant.parse("2026-11-01T06:00:00Z");
    for (int i = 0; i < count; i++) {
      Field field = fields.get(random.nextInt(fields.size()));
      List<Skill> ofField =
          skills.stream().filter(skill -> skill.field().equals(field.code())).toList();
      City city = city(random);
      String event = EVENTS[random.nextInt(EVENTS.length)];
      String activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
      String skillName =
          ofField.isEmpty() ? field.ar() : ofField.get(random.nextInt(ofField.size())).ar();
      int seats = 1 + random.nextInt(random.nextInt(10) == 0 ? 500 : 40);
      Instant start =
          now.plus(random.nextInt(240) - 60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      Map<String, Object> opportunity = new LinkedHashMap<>();
      opportunity.put("id", id(seed, "opportunity", i).toString());
      opportunity.put(
          "organizationId", organizationIds.get(random.nextInt(organizationIds.size())));
      String title = activity + " " + event + " في مجال " + field.ar() + " ب" + city.ar();
      int language = random.nextInt(10);
      opportunity.put(
          "titleAr",
          ArabicVariation.vary(
              language == 0 ? title + " - " + field.en() + " volunteers" : title, random));
      opportunity.put(
          "titleEn", language < 3 ? "Volunteers for " + field.en() + " in " + city.en() : null);
      opportunity.put(
          "descriptionAr",
          ArabicVariation.vary(
              "نبحث عن متطوعين ومتطوعات لديهم مهارة "
                  + skillName
                  + " لـ"
                  + activity
                  + " "
                  + event
                  + " لمدة "
                  + (2 + random.nextInt(30))
                  + " ساعة في "
                  + city.ar()
                  + "، مع شهادة تطوع معتمدة.",
              random));
      opportunity.put("fieldCode", field.code());
      opportunity.put("cityCode", city.code());
      opportunity.put("lat", jitter(city.lat(), random));
      opportunity.put("lon", jitter(city.lon(), random));
      opportunity.put("mode", MODES[random.nextInt(MODES.length)]);
      opportunity.put("startsAt", start.toString());
      opportunity.put("endsAt", start.plus(1 + random.nextInt(30), ChronoUnit.DAYS).toString());
      opportunity.put("hours", 2 + random.nextInt(60));
      opportunity.put("seats", seats);
      opportunity.put("seatsTaken", random.nextInt(seats + 1));
      opportunity.put(
          "gender", random.nextInt(5) == 0 ? (random.nextBoolean() ? "male" : "female") : "any");
      opportunity.put("minAge", random.nextInt(3) == 0 ? 18 : null);
      String status =
          random.nextInt(10) < 8 ? "published" : (random.nextBoolean() ? "closed" : "draft");
      opportunity.put("status", status);
      if (!status.equals("draft")) {
        publicOpportunities.add((String) opportunity.get("id"));
      }
      List<Map<String, Object>> required = new ArrayList<>();
      for (Skill skill :
          pick(ofField.isEmpty() ? skills : ofField, 1 + random.nextInt(3), random)) {
        required.add(Map.of("code", skill.code(), "weight", (5 + random.nextInt(16)) / 20.0));
      }
      opportunity.put("requiredSkills", required);
      sink.accept(opportunity);
    }
  }

  /** Volunteers, handed one by one to {@code sink}; each has a unique synthetic national ID. */
  public void volunteers(long seed, int count, Consumer<Map<String, Object>> sink) {
    Random random = new Random(seed ^ 0x2545F4914F6CDD1DL);
    for (int i = 0; i < count; i++) {
      City city = city(random);
      boolean female = random.nextBoolean();
      Field main = fields.get(random.nextInt(fields.size()));
      List<Skill> ofField =
          skills.stream().filter(skill -> skill.field().equals(main.code())).toList();
      List<String> skillCodes =
          new ArrayList<>(
              pick(ofField.isEmpty() ? skills : ofField, 1 + random.nextInt(3), random).stream()
                  .map(Skill::code)
                  .toList());
      pick(skills, random.nextInt(3), random)
          .forEach(
              skill -> {
                if (!skillCodes.contains(skill.code())) {
                  skillCodes.add(skill.code());
                }
              });
      LocalDate from = LocalDate.parse("2026-09-01").plusDays(random.nextInt(120));
      Map<String, Object> volunteer = new LinkedHashMap<>();
      volunteer.put("id", id(seed, "volunteer", i).toString());
      volunteer.put("nationalId", nationalId(seed, i, random.nextInt(10) < 8));
      volunteer.put(
          "fullName",
          FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]
              + " "
              + FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)]);
      volunteer.put("phone", String.format("05%08d", random.nextInt(100_000_000)));
      volunteer.put("email", "volunteer" + i + "@example.org");
      volunteer.put("cityCode", city.code());
      volunteer.put("lat", jitter(city.lat(), random));
      volunteer.put("lon", jitter(city.lon(), random));
      volunteer.put("skillCodes", skillCodes);
      volunteer.put("fieldCodes", List.of(main.code()));
      volunteer.put(
          "languages",
          random.nextInt(3) == 0
              ? List.of("ar", LANGUAGES[1 + random.nextInt(LANGUAGES.length - 1)])
              : List.of("ar"));
      volunteer.put("availableFrom", from.toString());
      volunteer.put("availableTo", from.plusDays(30 + random.nextInt(300)).toString());
      volunteer.put("weekdays", pickStrings(WEEKDAYS, 1 + random.nextInt(4), random));
      volunteer.put("travelKm", 5 + random.nextInt(80));
      volunteer.put("remoteOk", random.nextInt(3) > 0);
      volunteer.put("gender", female ? "female" : "male");
      volunteer.put(
          "birthDate", LocalDate.parse("1965-01-01").plusDays(random.nextInt(365 * 45)).toString());
      sink.accept(volunteer);
    }
  }

  /**
   * Applications of the generated volunteers to the public opportunities generated before, with
   * their hours: about 44% of volunteers active (527,000 of 1.2 million), about 60 verified hours
   * each (32 million in all), the rest with at most a pending, rejected or withdrawn application.
   */
  public void applications(long seed, int volunteers, Consumer<Map<String, Object>> sink) {
    if (publicOpportunities.isEmpty()) {
      return;
    }
    Random random = new Random(seed ^ 0x9E3779B97F4A7C15L);
    String[] later = {"accepted", "completed", "completed", "pending", "rejected", "withdrawn"};
    LocalDate firstDay = LocalDate.parse("2025-01-01");
    int counter = 0;
    for (int i = 0; i < volunteers; i++) {
      String volunteer = id(seed, "volunteer", i).toString();
      boolean active = random.nextInt(1200) < 527;
      int count = active ? 1 + random.nextInt(3) : (random.nextInt(4) == 0 ? 1 : 0);
      List<String> chosen = new ArrayList<>();
      for (int a = 0; a < count; a++) {
        String opportunity = publicOpportunities.get(random.nextInt(publicOpportunities.size()));
        if (chosen.contains(opportunity)) {
          continue;
        }
        chosen.add(opportunity);
        String status =
            !active
                ? new String[] {"pending", "rejected", "withdrawn"}[random.nextInt(3)]
                : a == 0
                    ? (random.nextInt(10) < 7 ? "completed" : "accepted")
                    : later[random.nextInt(later.length)];
        List<Map<String, Object>> hours = new ArrayList<>();
        if (status.equals("accepted") || status.equals("completed")) {
          int entries = 2 + random.nextInt(10);
          for (int e = 0; e < entries; e++) {
            int dice = random.nextInt(100);
            hours.add(
                Map.of(
                    "workedOn",
                    firstDay.plusDays(random.nextInt(670)).toString(),
                    "hours",
                    2 + random.nextInt(10),
                    "status",
                    dice < 95 ? "verified" : dice < 98 ? "logged" : "disputed"));
          }
        }
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("id", id(seed, "application", counter++).toString());
        application.put("opportunityId", opportunity);
        application.put("volunteerId", volunteer);
        application.put("status", status);
        application.put("hours", hours);
        sink.accept(application);
      }
    }
  }

  private City city(Random random) {
    return weightedCities.get(random.nextInt(weightedCities.size()));
  }

  private static double jitter(double coordinate, Random random) {
    return Math.round((coordinate + (random.nextDouble() - 0.5) * 0.12) * 1e5) / 1e5;
  }

  private static <T> List<T> pick(List<T> from, int count, Random random) {
    List<T> picked = new ArrayList<>();
    for (int i = 0; i < count && !from.isEmpty(); i++) {
      T candidate = from.get(random.nextInt(from.size()));
      if (!picked.contains(candidate)) {
        picked.add(candidate);
      }
    }
    return picked;
  }

  private static List<String> pickStrings(String[] from, int count, Random random) {
    return pick(List.of(from), count, random);
  }

  /**
   * A national ID unique within the data set: the index, scrambled by multiplying with a number
   * prime to 10^9 (a bijection on nine digits), shifted by the seed.
   */
  static String nationalId(long seed, int index, boolean citizen) {
    long digits = Math.floorMod(index * 387_420_489L + seed * 7_919L, 1_000_000_000L);
    return (citizen ? "1" : "2") + String.format("%09d", digits);
  }

  static UUID id(long seed, String kind, int index) {
    return UUID.nameUUIDFromBytes(
        (seed + "/" + kind + "/" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
