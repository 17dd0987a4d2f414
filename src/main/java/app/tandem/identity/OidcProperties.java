package app.tandem.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on through an OpenID Connect issuer ({@code tandem.oidc.*}), off unless an issuer is set.
 * The issuer is written exactly as it names itself in its discovery document (trailing slash and all):
 * the document is checked against it.
 *
 * @param issuerUri the issuer, e.g. {@code https://login.example.com/realms/acme}
 * @param clientId Tandem's client id at the issuer
 * @param clientSecret its secret; without one Tandem signs in as a public client (PKCE alone)
 * @param name the sign-in button's label
 */
@ConfigurationProperties("tandem.oidc")
record OidcProperties(String issuerUri, String clientId, String clientSecret, String name) {

	OidcProperties {
		issuerUri = blankToNull(issuerUri);
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		name = name == null || name.isBlank() ? "Single sign-on" : name.strip();
		if (issuerUri != null && clientId == null) {
			throw new IllegalArgumentException("tandem.oidc.client-id must be set with tandem.oidc.issuer-uri");
		}
	}

	boolean enabled() {
		return issuerUri != null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
