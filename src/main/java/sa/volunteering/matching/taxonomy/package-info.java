/**
 * Fields of volunteer work, skills, regions and cities, with Arabic and English names and variants.
 */
@NullMarked
package sa.volunteering.matching.taxonomy;

import org.jspecify.annotations.NullMarked;
