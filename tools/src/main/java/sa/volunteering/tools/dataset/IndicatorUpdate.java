package sa.volunteering.tools.dataset;

/** How an import brings the indicator summaries up to date (decision 0020). */
public enum IndicatorUpdate {
  /**
   * Counting triggers quiet, every summary rebuilt from the tables before the import commits: for
   * bulk loads.
   */
  REBUILD,
  /**
   * Every copied row appends its changes, which the folder folds after the import like any write's.
   */
  FOLD
}
