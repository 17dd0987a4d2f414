package app.tandem.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The API is stateless: every call carries HTTP Basic credentials or a bearer token. Token scopes
 * decide reads and writes. (Browser sessions with form login and CSRF arrive with the UI.)
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle) throws Exception {
		ProblemEntryPoint problems = new ProblemEntryPoint(throttle);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info")
			.permitAll()
			.requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html", "/", "/error")
			.permitAll()
			// A feed's token (scope ingest) may post measurements and nothing else.
			.requestMatchers(HttpMethod.POST, "/api/v1/measurements", "/api/v1/kpis/*/measurements")
			.hasAnyAuthority(Scope.INGEST.authority(), Scope.WRITE.authority())
			.requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(Scope.READ.authority(), Scope.WRITE.authority())
			.requestMatchers("/api/**").hasAuthority(Scope.WRITE.authority())
			.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle), BearerTokenFilter.class);
		return http.build();
	}
}
