/** RFC 9457 problem responses: one place that decides how every error looks to a client. */
@NullMarked
package sa.volunteering.matching.system.problem;

import org.jspecify.annotations.NullMarked;
