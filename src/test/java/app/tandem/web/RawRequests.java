package app.tandem.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import app.tandem.ApiClient;

/** Requests as a careless or hostile client writes them: any method, any Content-Type, any body, any header. */
final class RawRequests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String authorization;

	private RawRequests(int port, String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	static RawRequests admin(int port) {
		return new RawRequests(port, "Basic " + Base64.getEncoder()
			.encodeToString("admin:open-sesame-test-run".getBytes(StandardCharsets.UTF_8)));
	}

	static RawRequests anonymous(int port) {
		return new RawRequests(port, null);
	}

	ApiClient.Response send(String method, String path, String contentType, String body) {
		return send(method, path, contentType, body, Map.of());
	}

	ApiClient.Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new ApiClient.Response(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""),
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
}
