/** Applications of volunteers to opportunities, and the hours they give, logged and verified. */
@NullMarked
package sa.volunteering.matching.application;

import org.jspecify.annotations.NullMarked;
