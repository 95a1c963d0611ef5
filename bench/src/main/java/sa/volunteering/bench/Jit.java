package sa.volunteering.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Time this JVM's just-in-time compilers have spent so far, in seconds. A load measured while they
 * still compile the request path pays for them: on 2 cores, C2 took 15 % of the process's processor
 * time during the search mix at 20 requests a second after a one-minute warm-up.
 */
public final class Jit {

  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  private Jit() {}

  public static double seconds() {
    return COMPILER.isCompilationTimeMonitoringSupported()
        ? COMPILER.getTotalCompilationTime() / 1000.0
        : 0;
  }
}
