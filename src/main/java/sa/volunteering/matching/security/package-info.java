/** Who is calling: JWT resource server, roles, the actor passed to every feature, keyed hashing. */
@NullMarked
package sa.volunteering.matching.security;

import org.jspecify.annotations.NullMarked;
