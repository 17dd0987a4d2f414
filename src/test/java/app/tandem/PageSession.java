package app.tandem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session over HTTP, without a browser: signs in with the form, reads pages, posts forms with CSRF. */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String csrf;

	private PageSession(int port) {
		this.port = port;
	}

	public static PageSession anonymous(int port) {
		return new PageSession(port);
	}

	public static PageSession signedIn(int port, String username, String password) {
		PageSession session = new PageSession(port);
		String token = session.csrfOf(session.get("/login").body());
		var answer = session.send("POST", "/login", form(Map.of("username", username, "password", password,
				"_csrf", token)), Map.of());
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("could not sign in as " + username + ": " + answer.statusCode());
		}
		return session;
	}

	public HttpResponse<String> get(String path) {
		return get(path, Map.of());
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpResponse<String> answer = send("GET", path, null, headers);
		Matcher token = CSRF.matcher(answer.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return answer;
	}

	private static final Pattern MORE = Pattern.compile("class=\"more\"[^>]*>\\s*(?:<td[^>]*>\\s*)?<button[^>]*hx-get=\"([^\"]+)\"");

	/** A page of a list that shows a part at a time, with every part "Show more" would bring, one after the other. */
	public String allParts(String path) {
		StringBuilder all = new StringBuilder(get(path).body());
		Matcher more = MORE.matcher(all);
		int from = 0;
		java.util.Set<String> asked = new java.util.HashSet<>();
		while (more.find(from)) {
			if (!asked.add(more.group(1))) {
				throw new IllegalStateException("\"Show more\" asks for " + more.group(1) + " again");
			}
			String next = get(more.group(1).replace("&amp;", "&"), Map.of("HX-Request", "true")).body();
			from = all.length();
			all.append(next);
			more = MORE.matcher(all);
		}
		return all.toString();
	}

	/** A form posted as htmx posts it: with the page's CSRF token in its header and {@code HX-Request}. */
	public HttpResponse<String> htmxPost(String path, Map<String, String> fields) {
		return send("POST", path, form(fields), Map.of("X-CSRF-TOKEN", csrf, "HX-Request", "true"));
	}

	/** A form posted by the browser itself (a whole page comes back), with the page's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return send("POST", path, form(fields), Map.of("X-CSRF-TOKEN", csrf));
	}

	/** An API call on the strength of this session, as the web app's own script makes it (JSON, CSRF header). */
	public HttpResponse<String> api(String method, String path, String json) {
		Map<String, String> headers = new java.util.HashMap<>(Map.of("Accept", "application/json"));
		if (json != null) {
			headers.put("Content-Type", "application/json");
		}
		if (csrf != null) {
			headers.put("X-CSRF-TOKEN", csrf);
		}
		return send(method, path, json, headers);
	}

	/** The same without the CSRF token. */
	public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
		return send("POST", path, form(fields), Map.of("HX-Request", "true"));
	}

	private String csrfOf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return token.group(1);
	}

	private HttpResponse<String> send(String method, String path, String form, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
		if (form != null && !headers.containsKey("Content-Type")) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}
