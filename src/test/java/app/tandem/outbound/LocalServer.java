package app.tandem.outbound;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on a loopback address (Linux routes all of 127/8 to the machine) that writes down every request
 * that reaches it and answers as the test says: the canary on 127.0.0.1 that must hear nothing, the "allowed" server
 * on 127.0.0.2.
 */
final class LocalServer implements AutoCloseable {

	/** A request as it arrived. */
	record Arrival(String method, String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}

	@FunctionalInterface
	interface Answer {

		void answer(HttpExchange exchange) throws IOException, InterruptedException;
	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

	private volatile Answer answer = exchange -> text(exchange, 200, "ok");

	private LocalServer(HttpServer server) {
		this.server = server;
		server.createContext("/", exchange -> {
			try (exchange) {
				byte[] body = exchange.getRequestBody().readAllBytes();
				arrivals.add(new Arrival(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
						Map.copyOf(exchange.getRequestHeaders()), body));
				answer.answer(exchange);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		server.setExecutor(threads);
		server.start();
	}

	/** On {@code address}, port 0 for any free one. */
	static LocalServer on(String address, int port) throws IOException {
		return new LocalServer(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0));
	}

	LocalServer answering(Answer answer) {
		this.answer = answer;
		return this;
	}

	int port() {
		return server.getAddress().getPort();
	}

	URI url(String path) {
		return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path);
	}

	List<Arrival> arrivals() {
		return List.copyOf(arrivals);
	}

	List<String> paths() {
		return arrivals.stream().map(Arrival::path).toList();
	}

	static void text(HttpExchange exchange, int status, String text) throws IOException {
		bytes(exchange, status, text.getBytes(StandardCharsets.UTF_8));
	}

	static void bytes(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	static void redirect(HttpExchange exchange, int status, String location) throws IOException {
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(status, -1);
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
