package app.tandem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for integration tests: what a script or integration would send. */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	private final String requestId;

	private final Map<String, String> headers;

	private ApiClient(String base, String authorization) {
		this(base, authorization, null, Map.of());
	}

	private ApiClient(String base, String authorization, String requestId, Map<String, String> headers) {
		this.base = base;
		this.authorization = authorization;
		this.requestId = requestId;
		this.headers = headers;
	}

	/** The same client, sending {@code X-Request-Id}. */
	public ApiClient requestId(String id) {
		return new ApiClient(base, authorization, id, headers);
	}

	/** The same client, sending this header too (such as {@code X-Tandem-OTP}). */
	public ApiClient header(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new ApiClient(base, authorization, requestId, Map.copyOf(more));
	}

	public static ApiClient basic(int port, String user, String password) {
		return new ApiClient("http://localhost:" + port, "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public static ApiClient admin(int port) {
		return basic(port, "admin", "open-sesame-test-run");
	}

	/** Sends this Authorization header as it is (for malformed credentials). */
	public static ApiClient authorization(int port, String header) {
		return new ApiClient("http://localhost:" + port, header);
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient("http://localhost:" + port, null);
	}

	public ApiClient bearer(String token) {
		return new ApiClient(base, "Bearer " + token, requestId, headers);
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
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
