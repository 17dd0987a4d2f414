package app.tandem.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Tandem's one registration at the issuer, read from the issuer's discovery document on the first
 * sign-in through it rather than at start: Tandem starts, and passwords work, while the issuer is
 * down, and a sign-in during an outage fails alone (to {@code /login?error}), the next one trying
 * again. Once read, the document is kept until Tandem restarts.
 */
final class IssuerRegistration implements ClientRegistrationRepository {

	/** In the URLs: {@code /oauth2/authorization/oidc}, {@code /login/oauth2/code/oidc}. */
	static final String ID = "oidc";

	private static final Logger log = LoggerFactory.getLogger(IssuerRegistration.class);

	private final OidcProperties properties;

	private volatile ClientRegistration registration;

	IssuerRegistration(OidcProperties properties) {
		this.properties = properties;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration known = registration;
		if (known == null) {
			known = discover();
			registration = known;
		}
		return known;
	}

	private ClientRegistration discover() {
		try {
			ClientRegistration.Builder builder = ClientRegistrations.fromOidcIssuerLocation(properties.issuerUri())
				.registrationId(ID)
				.clientId(properties.clientId())
				.clientName(properties.name())
				.scope("openid", "email", "profile")
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				// PKCE even with a secret: a stolen authorization code is then worth nothing.
				.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
			if (properties.clientSecret() == null) {
				builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
			}
			else {
				builder.clientSecret(properties.clientSecret());
			}
			return builder.build();
		}
		catch (RuntimeException e) {
			log.warn("Single sign-on: cannot read the discovery document of {}: {}", properties.issuerUri(),
					e.getMessage());
			// An authentication failure, so that both the way out and the way back answer /login?error.
			throw new OAuth2AuthenticationException(new OAuth2Error("issuer_unavailable",
					"The issuer's discovery document could not be read", null), e);
		}
	}
}
