package sa.volunteering.matching.support;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The port the actuator's own server listens on now. Spring's test framework pauses a cached context when another is
 * used and restarts it later, and the management server comes back on a new ephemeral port that the injected
 * {@code @LocalManagementPort} does not know; its start event reaches this listener in the parent context every time.
 */
public final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

  private volatile int port;

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if ("management".equals(event.getApplicationContext().getServerNamespace())) {
      port = event.getWebServer().getPort();
    }
  }

  public int get() {
    if (port == 0) {
      throw new IllegalStateException("the management server has not started");
    }
    return port;
  }
}
