package sa.volunteering.matching.system.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in request bodies may not hold a NUL character: PostgreSQL cannot store one, and it would
 * fail the write with a server error (the fuzz test found it). Such a value is refused as
 * malformed, a 400 naming it.
 */
@Configuration(proxyBeanMethods = false)
class TextInputConfiguration {

  @Bean
  JacksonModule textWithoutNul() {
    return new SimpleModule("text-without-nul")
        .addDeserializer(String.class, new TextDeserializer());
  }

  private static final class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = super.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        return (String)
            context.handleWeirdStringValue(
                String.class, value, "text may not contain a NUL character");
      }
      return value;
    }
  }
}
