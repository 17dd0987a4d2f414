package app.tandem.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Two ways in. The API takes HTTP Basic or a bearer token on every call, and also a browser's
 * session (for the web app's own calls), in which case a state-changing call needs the CSRF token.
 * The browser signs in with a form, gets a session kept in the database (any node serves it),
 * and every form post needs the CSRF token. Token scopes decide reads and writes. A password signs
 * in only with its user's second factor, if they have one ({@link PasswordAndCode}, the global
 * provider); a user required to have one and without it may only enrol ({@link SecondFactorRequirement}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Session-authenticated API calls that change something: no credentials of their own, a session. */
	static final RequestMatcher SESSION_WRITES = request -> {
		String method = request.getMethod();
		boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
				|| "TRACE".equals(method);
		return !safe && request.getHeader("Authorization") == null && request.getSession(false) != null;
	};

	/**
	 * New passwords as BCrypt of the configured cost; stored hashes of any kind Spring Security knows (by their
	 * {@code {id}} prefix) are still checked.
	 */
	@Bean
	PasswordEncoder passwordEncoder(IdentityProperties properties) {
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(properties.passwords().hashStrength())));
		encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return encoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle, SecondFactors secondFactors,
			JdbcClient jdbc, ObjectMapper json) throws Exception {
		ProblemEntryPoint problems = new ProblemEntryPoint(throttle, json);
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
				"/swagger-ui.html")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info")
				.permitAll()
				.requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				// A feed's token (scope ingest) may post measurements and nothing else.
				.requestMatchers(HttpMethod.POST, "/api/v1/measurements", "/api/v1/kpis/*/measurements")
				.hasAnyAuthority(Scope.INGEST.authority(), Scope.WRITE.authority())
				.requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(Scope.READ.authority(), Scope.WRITE.authority())
				.requestMatchers("/api/**").hasAuthority(Scope.WRITE.authority())
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems)
				.authenticationDetailsSource(SecondFactorDetails::fromHeader))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// A browser's session is used here, never created: API clients stay stateless.
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SESSION_WRITES))
			.addFilterAfter(new ActiveSessions(jdbc), SecurityContextHolderFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle, problems), BearerTokenFilter.class)
			.addFilterAfter(new SecondFactorRequirement(secondFactors, problems), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain browser(HttpSecurity http, SignInThrottle throttle, OidcSignIn oidc, JdbcClient jdbc)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/error", "/login", "/join/*", "/password/forgot", "/unsubscribe", "/favicon.ico", "/favicon.svg", "/webjars/**",
					"/css/**", "/js/**")
			.permitAll()
			.anyRequest().authenticated())
			// an e-mail's unsubscribe link carries its own signature; mail clients post it in one click (RFC 8058)
			.csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe"))
			.formLogin(form -> form.loginPage("/login").permitAll()
				.authenticationDetailsSource(SecondFactorDetails::fromForm)
				.failureHandler((request, response, e) -> {
					if (e instanceof SignInThrottledException throttled) {
						FormThrottle.tooMany(response, throttled.secondsToWait());
						return;
					}
					if (request.getAttribute(SignInThrottle.RECORDED) == null && throttle.failed(
							request.getParameter("username"), request, SecondFactorException.reason(e), false)) {
						FormThrottle.tooMany(response, SignInThrottle.ADDRESS_WINDOW.toSeconds());
						return;
					}
					response.sendRedirect(request.getContextPath() + "/login?error");
				}))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("TANDEM_SESSION"))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.addFilterAfter(new ActiveSessions(jdbc), SecurityContextHolderFilter.class)
			.addFilterBefore(new FormThrottle(throttle), UsernamePasswordAuthenticationFilter.class);
		if (oidc.enabled()) {
			oidc.addTo(http);
		}
		return http.build();
	}

	/** The sign-in form answers 429 like the API when the account is locked for this address (a code may pass it). */
	static final class FormThrottle extends OncePerRequestFilter {

		private final SignInThrottle throttle;

		FormThrottle(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
				long wait = throttle.mustWait(request.getParameter("username"),
						request.getParameter(SecondFactorDetails.PARAMETER), request);
				if (wait > 0) {
					tooMany(response, wait);
					return;
				}
			}
			chain.doFilter(request, response);
		}

		static void tooMany(HttpServletResponse response, long secondsToWait) throws IOException {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(secondsToWait));
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write("Too many failed sign-ins; try again later, or sign in with your second "
					+ "factor's code.");
		}
	}
}
