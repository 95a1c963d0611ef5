package sa.volunteering.tools;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Controller;
import sa.volunteering.matching.OpportunityMatchingApplication;
import sa.volunteering.tools.behaviour.BehaviourCommands;
import sa.volunteering.tools.dataset.DatasetCommands;
import sa.volunteering.tools.dataset.GenerateCommand;

/**
 * The command-line tools ({@code bin/dataset}, {@code bin/reindex}): the service's own persistence
 * and indexing code without what serves requests. No web server and no controller, nothing running
 * in the background (no outbox indexer, indicator folder, expiry or live matches: every {@link
 * SmartLifecycle} of the service is left out), and only the beans a command asks for are created.
 * Each command ends the process with its exit code.
 *
 * <pre>
 *   generate DIR [--seed= --organizations= --opportunities= --volunteers=]
 *   import DIR [--on-invalid=skip|reject] [--indicators=rebuild|fold]
 *   demo                      a small demo data set, when the database holds no organization
 *   reindex NAME[,NAME]
 *   simulate [--since=INSTANT --seed=]   volunteers and organizations acting on the lists served
 *   fit FILE [--since=INSTANT --holdout=0.2 --seed=]   weights fitted to impressions and outcomes
 * </pre>
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("sa.volunteering.matching")
@ComponentScan(
    basePackages = {"sa.volunteering.matching", "sa.volunteering.tools"},
    excludeFilters = {
      @ComponentScan.Filter(
          type = FilterType.ASSIGNABLE_TYPE,
          classes = {SmartLifecycle.class, OpportunityMatchingApplication.class}),
      @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Controller.class),
      @ComponentScan.Filter(
          type = FilterType.CUSTOM,
          classes = {TypeExcludeFilter.class, AutoConfigurationExcludeFilter.class})
    })
public class ToolsApplication {

  static final String USAGE =
      "usage: generate DIR [--seed=1 --organizations=5000 --opportunities=300000 --volunteers=1200000]"
          + " | import DIR [--on-invalid=skip|reject] [--indicators=rebuild|fold] | demo | reindex NAME[,NAME]"
          + " | simulate [--since=INSTANT --seed=1] | fit FILE [--since=INSTANT --holdout=0.2 --seed=1]";

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command and answers its exit code: 0 done, 1 failed or refused, 2 not understood. */
  public static int run(String... args) {
    DefaultApplicationArguments arguments = new DefaultApplicationArguments(args);
    List<String> words = arguments.getNonOptionArgs();
    String command = words.isEmpty() ? "" : words.get(0);
    String target = words.size() > 1 ? words.get(1) : "";
    boolean understood =
        switch (command) {
          case "generate", "import", "reindex", "fit" -> !target.isEmpty();
          case "demo", "simulate" -> target.isEmpty();
          default -> false;
        };
    if (!understood) {
      System.err.println(USAGE);
      return 2;
    }
    if (command.equals("generate")) {
      return GenerateCommand.run(arguments, target);
    }
    try (ConfigurableApplicationContext context = start(args)) {
      return switch (command) {
        case "import" -> context.getBean(DatasetCommands.class).load(arguments, target);
        case "demo" -> context.getBean(DatasetCommands.class).demoWhenEmpty();
        case "simulate" -> context.getBean(BehaviourCommands.class).simulate(arguments);
        case "fit" -> context.getBean(BehaviourCommands.class).fit(arguments, target);
        default -> context.getBean(ReindexCommand.class).run(Arrays.asList(target.split(",")));
      };
    }
  }

  /**
   * The tools' context on the service's configuration: migrated, its indexes checked, nothing else
   * running.
   */
  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication application = new SpringApplication(ToolsApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setLazyInitialization(true);
    // the service's readiness group names health contributors of the background work the tools
    // leave out
    application.setDefaultProperties(
        Map.of("management.endpoint.health.validate-group-membership", "false"));
    return application.run(args);
  }

  /** Migrations and start-up checks still run although everything else is created on demand. */
  @Bean
  static LazyInitializationExcludeFilter migrationsAndChecks() {
    return LazyInitializationExcludeFilter.forBeanTypes(
        FlywayMigrationInitializer.class, SmartInitializingSingleton.class);
  }
}
