package sa.volunteering.matching.security;

import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security. The web page and reading the public catalogue (taxonomy,
 * organizations, published opportunities) need no token; everything else under /api needs one.
 * Which role may do what, and on which object, is decided by each feature with the {@link Actor}: a
 * role check alone cannot say whose opportunity it is.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  static final String ROLES_CLAIM = "roles";
  static final String ORGANIZATION_CLAIM = "org";

  /**
   * No script, style, frame or form from anywhere but the service itself; no referrer leaves the
   * page.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  @Bean
  SecurityWebFilterChain apiSecurity(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      ProblemWriter problems,
      CorsProperties cors) {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(ROLES_CLAIM);
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .cors(spec -> spec.configurationSource(corsSource(cors)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                    .permissionsPolicy(
                        permissions ->
                            permissions.policy(
                                "geolocation=(self), camera=(), microphone=(), payment=()")))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(
                        HttpMethod.GET,
                        "/api/taxonomy/**",
                        "/api/organizations",
                        "/api/organizations/*",
                        "/api/organizations/*/opportunities",
                        "/api/opportunities/*",
                        "/api/opportunities/search/stream",
                        "/api/stats",
                        "/api/stats/live")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/livez", "/readyz")
                    .permitAll()
                    // the actuator answers on the management port only (loopback unless deployed
                    // otherwise: docs/operations.md)
                    .pathMatchers(
                        HttpMethod.GET,
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/", "/index.html", "/app/**", "/favicon.ico")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/api/demo/accounts")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/demo/sign-in")
                    .permitAll()
                    .pathMatchers("/api/**")
                    .authenticated()
                    .anyExchange()
                    .denyAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                    new ReactiveJwtAuthenticationConverterAdapter(converter)))
                    .authenticationEntryPoint(problems.unauthorized())
                    .accessDeniedHandler(problems.forbidden()))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(problems.unauthorized())
                    .accessDeniedHandler(problems.forbidden()))
        .build();
  }

  /**
   * CORS for the configured origins only; with none configured, no cross-origin browser call is
   * allowed.
   */
  private static CorsConfigurationSource corsSource(CorsProperties properties) {
    if (properties.allowedOrigins().isEmpty()) {
      return exchange -> null;
    }
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.setAllowedOrigins(properties.allowedOrigins());
    configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
    configuration.setAllowedHeaders(
        List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE,
            "Last-Event-ID"));
    configuration.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
    configuration.setAllowCredentials(false);
    configuration.setMaxAge(properties.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", configuration);
    return source;
  }

  /**
   * A request the firewall refuses (an encoded dot or percent in the path, say) gets a problem
   * response, not an empty 400.
   */
  @Bean
  ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemWriter problems) {
    return problems.rejected();
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
    SecretKeySpec key =
        new SecretKeySpec(Base64.getDecoder().decode(properties.jwtSecret()), "HmacSHA256");
    return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
  }

  /**
   * The actor a validated token describes; unknown roles are ignored, a malformed id is no
   * identity.
   */
  static Actor actorOf(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
    if (claimed != null) {
      for (String role : claimed) {
        for (Role known : Role.values()) {
          if (known.name().equals(role)) {
            roles.add(known);
          }
        }
      }
    }
    UUID volunteer = roles.contains(Role.VOLUNTEER) ? uuidOrNull(jwt.getSubject()) : null;
    UUID organization =
        roles.contains(Role.ORG_MEMBER)
            ? uuidOrNull(jwt.getClaimAsString(ORGANIZATION_CLAIM))
            : null;
    if (roles.contains(Role.VOLUNTEER) && volunteer == null) {
      roles.remove(Role.VOLUNTEER);
    }
    if (roles.contains(Role.ORG_MEMBER) && organization == null) {
      roles.remove(Role.ORG_MEMBER);
    }
    return new Actor(roles, volunteer, organization);
  }

  private static @Nullable UUID uuidOrNull(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
