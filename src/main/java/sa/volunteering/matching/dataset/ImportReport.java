package sa.volunteering.matching.dataset;

import java.util.ArrayList;
import java.util.List;

/** What an import loaded and which lines it refused, with why. */
public final class ImportReport {

  /** A refused line: its file, its number (from 1) and the reason. */
  public record Problem(String file, long line, String reason) {}

  long organizations;
  long opportunities;
  long volunteers;
  long applications;
  long hourEntries;
  final List<Problem> problems = new ArrayList<>();
  long problemCount;

  void refuse(String file, long line, String reason) {
    problemCount++;
    if (problems.size() < 1000) {
      problems.add(new Problem(file, line, reason));
    }
  }

  public long organizations() {
    return organizations;
  }

  public long opportunities() {
    return opportunities;
  }

  public long volunteers() {
    return volunteers;
  }

  public long applications() {
    return applications;
  }

  public long hourEntries() {
    return hourEntries;
  }

  public long problemCount() {
    return problemCount;
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
