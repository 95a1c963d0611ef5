package sa.volunteering.matching.system;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Bean Validation reads its message bundles from the class path the first time a constraint fails.
 * That is a blocking file read; done lazily it would happen on an event-loop thread during the
 * first invalid request. Failing one constraint at start-up, on the main thread, loads them before
 * any request.
 */
@Component
class ValidationWarmUp implements SmartInitializingSingleton {

  private final Validator validator;

  ValidationWarmUp(Validator validator) {
    this.validator = validator;
  }

  record Sample(@NotBlank String value) {}

  @Override
  public void afterSingletonsInstantiated() {
    validator.validate(new Sample("")).forEach(violation -> violation.getMessage().length());
  }
}
