package sa.volunteering.matching.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole service against the real Elasticsearch and PostgreSQL: by default the ones
 * bin/stack runs (or the environment names: {@code SPRING_ELASTICSEARCH_URIS}, {@code
 * SPRING_R2DBC_URL}, ...), with {@code test.stack=containers} containers Testcontainers starts
 * ({@link TestStack}). Its indexes live under a prefix of their own, removed when the test JVM
 * ends; BlockHound fails any blocking call on a non-blocking thread.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestEnvironment.class, ContainersConfiguration.class})
public @interface IntegrationTest {}
