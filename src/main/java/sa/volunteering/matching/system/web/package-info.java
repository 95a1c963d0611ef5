/** Web plumbing shared by the API features: paging, limits. */
@NullMarked
package sa.volunteering.matching.system.web;

import org.jspecify.annotations.NullMarked;
