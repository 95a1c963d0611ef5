/**
 * Outcomes for a platform that has none yet, and weights learnt from outcomes: the behaviour
 * simulator acts as volunteers and organizations on the lists the service really served, by a
 * preference model of its own ({@link PreferenceModel}); the fit learns the component weights from
 * impressions and outcomes (docs/ranking.md, "Weights fitted to outcomes").
 */
@NullMarked
package sa.volunteering.tools.behaviour;

import org.jspecify.annotations.NullMarked;
