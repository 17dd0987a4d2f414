package app.tandem.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One call to make: {@link #get} and {@link #post} give the defaults (5 s to connect, 5 s for the whole answer,
 * redirects included, 1 MiB of body), the {@code with…} methods change one part.
 *
 * @param method GET, POST, PUT, PATCH, DELETE or HEAD
 * @param headers sent as they are; Host, Content-Length, Transfer-Encoding and Connection are the client's to set
 * @param body sent with the request (empty for none)
 * @param connectTimeout how long to wait for the connection to each address
 * @param timeout how long the whole exchange may take, from the first connection to the last byte read
 * @param maxBodyBytes how much of the answer's body is read; the rest is left unread and the answer says it was cut
 */
public record OutboundRequest(String method, URI url, Map<String, String> headers, byte[] body,
		Duration connectTimeout, Duration timeout, int maxBodyBytes) {

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

	private static final Set<String> CLIENT_HEADERS = Set.of("host", "content-length", "transfer-encoding",
			"connection");

	public OutboundRequest {
		if (method == null || !METHODS.contains(method)) {
			throw new IllegalArgumentException("method must be one of " + METHODS + ", not " + method);
		}
		if (url == null) {
			throw new IllegalArgumentException("url is required");
		}
		headers = headers == null ? Map.of() : Map.copyOf(headers);
		headers.forEach(OutboundRequest::checkHeader);
		body = body == null ? new byte[0] : body.clone();
		if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
				|| timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeouts must be positive");
		}
		if (maxBodyBytes < 0) {
			throw new IllegalArgumentException("maxBodyBytes must not be negative");
		}
	}

	public static OutboundRequest get(URI url) {
		return new OutboundRequest("GET", url, Map.of(), null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
				DEFAULT_MAX_BODY_BYTES);
	}

	public static OutboundRequest post(URI url, String contentType, byte[] body) {
		return new OutboundRequest("POST", url, Map.of("Content-Type", contentType), body, DEFAULT_CONNECT_TIMEOUT,
				DEFAULT_TIMEOUT, DEFAULT_MAX_BODY_BYTES);
	}

	public OutboundRequest withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new OutboundRequest(method, url, more, body, connectTimeout, timeout, maxBodyBytes);
	}

	public OutboundRequest withConnectTimeout(Duration connectTimeout) {
		return new OutboundRequest(method, url, headers, body, connectTimeout, timeout, maxBodyBytes);
	}

	public OutboundRequest withTimeout(Duration timeout) {
		return new OutboundRequest(method, url, headers, body, connectTimeout, timeout, maxBodyBytes);
	}

	public OutboundRequest withMaxBodyBytes(int maxBodyBytes) {
		return new OutboundRequest(method, url, headers, body, connectTimeout, timeout, maxBodyBytes);
	}

	/** A copy: the record's own array stays as it was given. */
	@Override
	public byte[] body() {
		return body.clone();
	}

	/** The same call to another URL, as a redirect asks: the method and body as {@code status} says. */
	OutboundRequest redirectedTo(URI location, int status) {
		boolean toGet = status == 303 ? !method.equals("HEAD") : (status == 301 || status == 302) && method.equals("POST");
		Map<String, String> kept = new LinkedHashMap<>(headers);
		if (toGet) {
			kept.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("content-"));
		}
		if (!sameOrigin(url, location)) {
			// credentials meant for one site are not handed to the next
			kept.keySet().removeIf(name -> Set.of("authorization", "cookie", "proxy-authorization")
				.contains(name.toLowerCase(Locale.ROOT)));
		}
		return new OutboundRequest(toGet ? "GET" : method, location, kept, toGet ? null : body, connectTimeout, timeout,
				maxBodyBytes);
	}

	private static boolean sameOrigin(URI a, URI b) {
		return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
				&& a.getPort() == b.getPort();
	}

	private static void checkHeader(String name, String value) {
		if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
			throw new IllegalArgumentException("the header name " + name + " is not a token");
		}
		if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("the header " + name + " is the client's to set");
		}
		if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
			throw new IllegalArgumentException("the header " + name + " holds a line break");
		}
	}
}
