package app.tandem.identity;

import app.tandem.LocalOidcIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssuerRegistrationTests {

	@Test
	void theRegistrationIsReadFromTheIssuerOnFirstUseWithPkceAndTheScopesTandemNeeds() {
		try (LocalOidcIssuer issuer = LocalOidcIssuer.start()) {
			var registration = new IssuerRegistration(new OidcProperties(issuer.uri(), "tandem", "secret", "Acme SSO"))
				.findByRegistrationId("oidc");
			assertThat(registration.getClientName()).isEqualTo("Acme SSO");
			assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "email", "profile");
			assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
			assertThat(registration.getClientAuthenticationMethod())
				.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
			assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(issuer.uri() + "/jwks");
		}
	}

	@Test
	void withoutASecretTandemIsAPublicClient() {
		try (LocalOidcIssuer issuer = LocalOidcIssuer.start()) {
			var registration = new IssuerRegistration(new OidcProperties(issuer.uri(), "tandem", " ", null))
				.findByRegistrationId("oidc");
			assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
			assertThat(registration.getClientName()).isEqualTo("Single sign-on");
		}
	}

	@Test
	void anIssuerThatDoesNotAnswerFailsTheSignInNotTheStartAndIsAskedAgainNextTime() {
		String issuerUri;
		try (LocalOidcIssuer gone = LocalOidcIssuer.start()) {
			issuerUri = gone.uri();
		}
		var registrations = new IssuerRegistration(new OidcProperties(issuerUri, "tandem", "secret", null));
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> registrations.findByRegistrationId("oidc"))
				.isInstanceOfSatisfying(OAuth2AuthenticationException.class,
						e -> assertThat(e.getError().getErrorCode()).isEqualTo("issuer_unavailable"));
		}
		assertThat(registrations.findByRegistrationId("elsewhere")).isNull();
	}

	@Test
	void anIssuerWithoutAClientIdIsAConfigurationError() {
		assertThatThrownBy(() -> new OidcProperties("https://login.example.com", null, "secret", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("tandem.oidc.client-id");
		assertThat(new OidcProperties(" ", null, null, null).enabled()).isFalse();
	}
}
