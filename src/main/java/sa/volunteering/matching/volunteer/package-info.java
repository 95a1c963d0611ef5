/**
 * Volunteers: registration once per national ID, the own profile, closing it (personal data
 * erased).
 */
@NullMarked
package sa.volunteering.matching.volunteer;

import org.jspecify.annotations.NullMarked;
