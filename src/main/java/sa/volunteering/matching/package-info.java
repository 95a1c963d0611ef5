@NullMarked
package sa.volunteering.matching;

import org.jspecify.annotations.NullMarked;
