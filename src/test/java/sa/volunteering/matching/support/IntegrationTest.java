package sa.volunteering.matching.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole service against the real Elasticsearch and PostgreSQL taken from the
 * environment ({@code SPRING_ELASTICSEARCH_URIS}, {@code SPRING_R2DBC_URL}, ...), by default the
 * ones bin/stack runs. Its indexes live under a prefix of their own, removed when the test JVM
 * ends; BlockHound fails any blocking call on a non-blocking thread.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEnvironment.class)
public @interface IntegrationTest {}
