package sa.volunteering.matching.system.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultPageSize page size when a list request names none
 * @param maxPageSize the largest page a list request may ask for
 */
@Validated
@ConfigurationProperties("app.api")
public record ApiProperties(
    @DefaultValue("20") @Min(1) int defaultPageSize,
    @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize) {}
