package sa.volunteering.matching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpportunityMatchingApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpportunityMatchingApplication.class, args);
  }
}
