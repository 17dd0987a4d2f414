package app.tandem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for integration tests: what a script or integration would send.
 *
 * <p>{@link #admin} and {@link #user} sign in with an API token of that person's, made once per port
 * through {@code POST /api/v1/tokens} (with their password) and kept for the run: HTTP Basic pays an
 * adaptive password hash and a row lock on every request, which cost about a third of the integration
 * tests' time. A token that is refused (a new instance on a port seen before, a restore that replaced
 * the tokens) is made again and the request sent once more; if none can be made (a wrong password), the
 * request goes with the password, as it did before. Tests about password sign-in, or that count
 * what a token's making leaves behind (the person's tokens, the audit trail, sign-in failures), use
 * {@link #adminBasic} or {@link #basic}.
 */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	public static final String ADMIN_PASSWORD = "open-sesame-test-run";

	/** One for every client of the run (a client of its own per ApiClient cost a selector thread each). */
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** The tokens {@link #admin} and {@link #user} made, by port, username and password. */
	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final Object MAKING = new Object();

	private final String base;

	/** Sent as it is, unless {@link #signIn} decides; null for nobody. */
	private final String authorization;

	/** Who signs in with a token of theirs, or null. */
	private final SignIn signIn;

	private final String requestId;

	private final Map<String, String> headers;

	private ApiClient(String base, String authorization) {
		this(base, authorization, null, null, Map.of());
	}

	private ApiClient(String base, String authorization, SignIn signIn, String requestId, Map<String, String> headers) {
		this.base = base;
		this.authorization = authorization;
		this.signIn = signIn;
		this.requestId = requestId;
		this.headers = headers;
	}

	/** The same client, sending {@code X-Request-Id}. */
	public ApiClient requestId(String id) {
		return new ApiClient(base, authorization, signIn, id, headers);
	}

	/** The same client, sending this header too (such as {@code X-Tandem-OTP}). */
	public ApiClient header(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new ApiClient(base, authorization, signIn, requestId, Map.copyOf(more));
	}

	/** HTTP Basic with this password on every request. */
	public static ApiClient basic(int port, String user, String password) {
		return new ApiClient("http://localhost:" + port, basicHeader(user, password));
	}

	/** The bootstrap admin, through a token of theirs (see the class comment). */
	public static ApiClient admin(int port) {
		return user(port, "admin", ADMIN_PASSWORD);
	}

	/**
	 * The bootstrap admin with HTTP Basic on every request: for tests about password sign-in, or that
	 * count the admin's tokens, audit events or sign-in failures, or restore over the instance's tokens.
	 */
	public static ApiClient adminBasic(int port) {
		return basic(port, "admin", ADMIN_PASSWORD);
	}

	/**
	 * This person, through a token of theirs with every scope (as much as their password gives), made
	 * with their password at the first request and kept per port, username and password.
	 */
	public static ApiClient user(int port, String username, String password) {
		return new ApiClient("http://localhost:" + port, null, new SignIn(port, username, password), null, Map.of());
	}

	/** Forgets the tokens made on this port (its instance has stopped; another may take the port). */
	public static void forget(int port) {
		TOKENS.keySet().removeIf(key -> key.startsWith(port + " "));
	}

	/** Sends this Authorization header as it is (for malformed credentials). */
	public static ApiClient authorization(int port, String header) {
		return new ApiClient("http://localhost:" + port, header);
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient("http://localhost:" + port, null);
	}

	public ApiClient bearer(String token) {
		return new ApiClient(base, "Bearer " + token, null, requestId, headers);
	}

	public Response get(String path) {
		return send("GET", path, null, null, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, "application/json", null);
	}

	public Response postRaw(String path, String body, String contentType) {
		return send("POST", path, body, contentType, null);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body, "application/json", null);
	}

	public Response put(String path, Object body, String ifMatch) {
		return send("PUT", path, body, "application/json", ifMatch);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body, "application/json", null);
	}

	public Response patch(String path, Object body, String ifMatch) {
		return send("PATCH", path, body, "application/json", ifMatch);
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null, null);
	}

	public Response deleteIfMatch(String path, String ifMatch) {
		return send("DELETE", path, null, null, ifMatch);
	}

	public Response delete(String path, Object body) {
		return send("DELETE", path, body, "application/json", null);
	}

	private Response send(String method, String path, Object body, String contentType, String ifMatch) {
		String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
		if (signIn == null) {
			return exchange(authorization, method, path, text, contentType, ifMatch, requestId);
		}
		String token = signIn.token(this);
		if (token != null) {
			Response response = exchange("Bearer " + token, method, path, text, contentType, ifMatch, requestId);
			if (response.status() != 401) {
				return response;
			}
			// Refused before anything was done: an instance that never issued it, or no longer holds it.
			TOKENS.remove(signIn.key(), token);
			token = signIn.token(this);
			if (token != null) {
				return exchange("Bearer " + token, method, path, text, contentType, ifMatch, requestId);
			}
		}
		// No token to be had (a wrong or changed password, a locked account): answer as the password does.
		return exchange(signIn.basic(), method, path, text, contentType, ifMatch, requestId);
	}

	private Response exchange(String authorization, String method, String path, String text, String contentType,
			String ifMatch, String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("ETag").orElse(null), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String basicHeader(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private record SignIn(int port, String username, String password) {

		/** With the password: another password for the same person is another client, never the kept token's. */
		String key() {
			return port + " " + username + " " + password;
		}

		String basic() {
			return basicHeader(username, password);
		}

		/** The kept token, else a new one made with the password (and the client's headers, such as a code); null if refused. */
		String token(ApiClient client) {
			String token = TOKENS.get(key());
			if (token != null) {
				return token;
			}
			synchronized (MAKING) {
				token = TOKENS.get(key());
				if (token == null) {
					Response made = client.exchange(basic(), "POST", "/api/v1/tokens",
							JSON.writeValueAsString(Map.of("name", "ApiClient", "scopes", List.of("read", "write", "ingest"))),
							"application/json", null, null);
					if (made.status() != 201) {
						return null;
					}
					token = made.str("/token");
					TOKENS.put(key(), token);
				}
				return token;
			}
		}
	}

	public record Response(int status, String contentType, String etag, String text) {

		public JsonNode json() {
			return text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
		}

		public String str(String pointer) {
			return json().at(pointer).asString();
		}

		public double num(String pointer) {
			return json().at(pointer).asDouble();
		}

		public boolean isProblem() {
			return contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return status + " " + text;
		}
	}
}
