package sa.volunteering.tools;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import sa.volunteering.matching.support.IntegrationTest;

/** An {@link IntegrationTest} of the service with the tools' data set commands in its context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ContextConfiguration(classes = ServiceAndTools.class)
public @interface ToolsIntegrationTest {}
