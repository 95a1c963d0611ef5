package sa.volunteering.tools;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import sa.volunteering.matching.OpportunityMatchingApplication;

/**
 * The whole service, with the tools' data set and behaviour commands beside it: what the tools'
 * integration tests run against.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(OpportunityMatchingApplication.class)
@ComponentScan({"sa.volunteering.tools.dataset", "sa.volunteering.tools.behaviour"})
public class ServiceAndTools {}
