package app.tandem.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Single sign-on beside the password form, when {@code tandem.oidc.issuer-uri} is set: the
 * authorization code flow (with PKCE and a nonce) from {@code /oauth2/authorization/oidc} back to
 * {@code /login/oauth2/code/oidc}. The session then holds the same principal as after a password
 * sign-in ({@link CallerDetails}), so the rest of Tandem cannot tell the two apart. Every failure
 * lands on {@code /login?error}; those of the way back are failed sign-ins (audited, counted).
 */
@Component
class OidcSignIn {

	private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

	/** Failures that name no user are audited under this name (no user name can hold parentheses). */
	private static final String UNNAMED = "(single sign-on)";

	private final OidcProperties properties;

	private final OidcUsers users;

	private final SignInThrottle throttle;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	// As the form's sign-in keeps its context: for this request, and in the session.
	private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();

	OidcSignIn(OidcProperties properties, OidcUsers users, SignInThrottle throttle) {
		this.properties = properties;
		this.users = users;
		this.throttle = throttle;
	}

	boolean enabled() {
		return properties.enabled();
	}

	void addTo(HttpSecurity http) throws Exception {
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(new IssuerRegistration(properties))
			.authorizedClientRepository(new NoTokensKept())
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
			.successHandler(this::signedIn)
			.failureHandler(this::refused)
			// Failures on the way out (issuer down, unknown registration) would otherwise answer 500.
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(OidcSignIn.this::couldNotStart);
					return filter;
				}
			}));
	}

	/** Keeps the caller, not the issuer's tokens, as the session's principal. */
	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		Caller caller = ((OidcUsers.SignedIn) authentication.getPrincipal()).caller();
		CallerDetails details = new CallerDetails(caller, null, true);
		details.eraseCredentials();
		var signedIn = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
		signedIn.setDetails(authentication.getDetails());
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(signedIn);
		contexts.setContext(context);
		contextRepository.saveContext(context, request, response);
		onwards.onAuthenticationSuccess(request, response, signedIn);
	}

	private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		String email = e instanceof OidcUsers.Refused refused ? refused.email() : null;
		String reason = reason(e);
		log.info("Single sign-on refused{}: {}", email == null ? "" : " for " + email, reason);
		throttle.failed(email != null ? email : UNNAMED, request, "single sign-on: " + reason, false);
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	private void couldNotStart(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		log.info("Single sign-on could not start: {}", e.getMessage());
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	/** Ours in words; the rest (bad state, signature, nonce, an issuer's error) by their OAuth error code. */
	private static String reason(AuthenticationException e) {
		if (e instanceof OidcUsers.Refused refused) {
			return refused.getError().getDescription();
		}
		if (e instanceof OAuth2AuthenticationException oauth) {
			return oauth.getError().getErrorCode();
		}
		return e.getClass().getSimpleName();
	}

	/** Tandem uses the issuer to sign people in, not to call it later: its tokens are dropped. */
	private static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}
	}
}
