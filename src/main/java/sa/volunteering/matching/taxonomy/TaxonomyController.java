package sa.volunteering.matching.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The taxonomy, read-only and public: front ends build their pickers from it. */
@RestController
@RequestMapping("/api/taxonomy")
@Tag(name = "Taxonomy")
class TaxonomyController {

  private final Taxonomy taxonomy;

  TaxonomyController(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  @GetMapping("/fields")
  @Operation(summary = "Fields of volunteer work")
  List<Field> fields() {
    return taxonomy.fields().all();
  }

  @GetMapping("/skills")
  @Operation(summary = "Skills, optionally of one field")
  List<Skill> skills(@RequestParam(required = false) @Nullable String field) {
    List<Skill> all = taxonomy.skills().all();
    return field == null ? all : all.stream().filter(skill -> skill.field().equals(field)).toList();
  }

  @GetMapping("/regions")
  @Operation(summary = "The 13 regions")
  List<Region> regions() {
    return taxonomy.regions().all();
  }

  @GetMapping("/cities")
  @Operation(summary = "Cities, optionally of one region")
  List<City> cities(@RequestParam(required = false) @Nullable String region) {
    List<City> all = taxonomy.cities().all();
    return region == null
        ? all
        : all.stream().filter(city -> city.region().equals(region)).toList();
  }
}
