package app.tandem;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OpenID Connect issuer for tests, on a free local port: discovery, its key set, an
 * authorization endpoint that signs in at once whoever the test names next (redirecting back with a
 * code and the state), and a token endpoint that checks the client's secret and PKCE and answers an
 * RS256 ID token carrying the request's nonce. It can also sign with a key it does not publish, or
 * put a wrong nonce in, to be refused.
 */
public final class LocalOidcIssuer implements AutoCloseable {

	public static final String CLIENT_ID = "tandem";

	public static final String CLIENT_SECRET = "issuer-test-secret";

	/** Who signs in at the issuer: {@code emailVerified} and {@code email} are left out of the ID token when null. */
	public record Person(String subject, String email, Boolean emailVerified, String name) {
	}

	/** What is wrong with the ID token the issuer answers. */
	public enum Spoil {
		NONE, FOREIGN_KEY, WRONG_NONCE
	}

	private record Grant(Person person, Spoil spoil, String nonce, String codeChallenge, String redirectUri) {
	}

	private final HttpServer server;

	private final RSAKey key;

	private final RSAKey foreignKey;

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private volatile Person next;

	private volatile Spoil spoil = Spoil.NONE;

	private LocalOidcIssuer(HttpServer server) throws JOSEException {
		this.server = server;
		this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		// Same key id, another key: what a forger without the issuer's private key would send.
		this.foreignKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
	}

	public static LocalOidcIssuer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			LocalOidcIssuer issuer = new LocalOidcIssuer(server);
			server.createContext("/.well-known/openid-configuration", issuer::discovery);
			server.createContext("/jwks", issuer::keys);
			server.createContext("/authorize", issuer::authorize);
			server.createContext("/token", issuer::token);
			server.start();
			return issuer;
		}
		catch (IOException | JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** As Tandem is to be configured: exactly as the discovery document names it. */
	public String uri() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The next authorization signs this person in, with an ID token spoiled so (or not). */
	public void signsInNext(Person person, Spoil spoil) {
		this.next = person;
		this.spoil = spoil;
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void discovery(HttpExchange exchange) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", uri());
		document.put("authorization_endpoint", uri() + "/authorize");
		document.put("token_endpoint", uri() + "/token");
		document.put("jwks_uri", uri() + "/jwks");
		document.put("response_types_supported", List.of("code"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		document.put("scopes_supported", List.of("openid", "email", "profile"));
		document.put("code_challenge_methods_supported", List.of("S256"));
		answer(exchange, 200, ApiClient.JSON.writeValueAsString(document));
	}

	private void keys(HttpExchange exchange) throws IOException {
		answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		String redirectUri = query.get("redirect_uri");
		if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri == null || next == null
				|| !"S256".equals(query.get("code_challenge_method"))) {
			answer(exchange, 400, "{\"error\":\"invalid_request\"}");
			return;
		}
		String code = UUID.randomUUID().toString();
		codes.put(code, new Grant(next, spoil, query.get("nonce"), query.get("code_challenge"), redirectUri));
		String back = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code + "&state="
				+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", back);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form;
		try (InputStream body = exchange.getRequestBody()) {
			form = form(new String(body.readAllBytes(), StandardCharsets.UTF_8));
		}
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			answer(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		Grant grant = Optional.ofNullable(form.get("code")).map(codes::remove).orElse(null);
		if (grant == null || !"authorization_code".equals(form.get("grant_type"))
				|| !grant.redirectUri().equals(form.get("redirect_uri"))
				|| !grant.codeChallenge().equals(s256(form.get("code_verifier")))) {
			answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		Map<String, Object> tokens = new LinkedHashMap<>();
		tokens.put("access_token", UUID.randomUUID().toString());
		tokens.put("token_type", "Bearer");
		tokens.put("expires_in", 300);
		tokens.put("scope", "openid email profile");
		tokens.put("id_token", idToken(grant));
		answer(exchange, 200, ApiClient.JSON.writeValueAsString(tokens));
	}

	private String idToken(Grant grant) {
		Instant now = Instant.now();
		Person person = grant.person();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(uri())
			.subject(person.subject())
			.audience(CLIENT_ID)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", grant.spoil() == Spoil.WRONG_NONCE ? "not-the-nonce" : grant.nonce())
			.claim("name", person.name());
		if (person.email() != null) {
			claims.claim("email", person.email());
		}
		if (person.emailVerified() != null) {
			claims.claim("email_verified", person.emailVerified());
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims.build());
			jwt.sign(new RSASSASigner(grant.spoil() == Spoil.FOREIGN_KEY ? foreignKey : key));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String s256(String verifier) {
		if (verifier == null) {
			return "";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}
}
