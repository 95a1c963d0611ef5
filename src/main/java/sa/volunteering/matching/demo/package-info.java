/**
 * Demo sign-in for the web page on a development or demonstration deployment: tokens for existing
 * volunteers and organization members without an identity provider. Present only with {@code
 * app.demo.sign-in=true}.
 */
@NullMarked
package sa.volunteering.matching.demo;

import org.jspecify.annotations.NullMarked;
