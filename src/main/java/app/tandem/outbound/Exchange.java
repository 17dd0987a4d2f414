package app.tandem.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One hop: a request to a destination the guard admitted, over a client of its own whose resolver knows only the
 * checked addresses. No redirects (the guard follows them), retries, cookies, proxies or decompression; the body is
 * read up to the cap and the connection dropped there; the whole exchange is cut off at the deadline.
 */
final class Exchange {

	private static final TlsSocketStrategy TLS = DefaultClientTlsStrategy.createSystemDefault();

	/** Cancels exchanges past their deadline, which a socket timeout alone would not (a server may trickle). */
	private static final ScheduledThreadPoolExecutor DEADLINES = new ScheduledThreadPoolExecutor(1, task -> {
		Thread thread = new Thread(task, "outbound-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	static {
		// a call that ended in time takes its cut-off (and the request it holds) out at once
		DEADLINES.setRemoveOnCancelPolicy(true);
	}

	private static final int CHUNK = 8192;

	private Exchange() {
	}

	/** {@code deadline}: in {@link System#nanoTime()}'s terms, for all hops of the call. */
	static OutboundResponse run(OutboundRequest request, OutboundGuard.Destination destination, long deadline) {
		String where = where(request.url());
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			throw timedOut(where, request.timeout(), null);
		}
		Timeout whole = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
		Timeout connect = Timeout.ofMilliseconds(Math.min(request.connectTimeout().toMillis(), whole.toMilliseconds()));
		HttpUriRequestBase http = new HttpUriRequestBase(request.method(), withoutFragment(request.url()));
		request.headers().forEach(http::addHeader);
		byte[] content = request.body();
		if (content.length > 0) {
			http.setEntity(new ByteArrayEntity(content, null));
		}
		ScheduledFuture<?> cutOff = DEADLINES.schedule(http::cancel, left, TimeUnit.NANOSECONDS);
		try (CloseableHttpClient client = client(destination, connect, whole)) {
			ClassicHttpResponse response = client.executeOpen(null, http, null);
			Body body = read(response.getEntity(), request.maxBodyBytes());
			if (body.truncated()) {
				// dropped, not closed: closing would read the rest to reuse the connection
				http.cancel();
			}
			else {
				response.close();
			}
			return new OutboundResponse(response.getCode(), headers(response), body.bytes(), body.truncated(),
					request.url());
		}
		catch (IOException ex) {
			if (pastDeadline(http, deadline)) {
				throw timedOut(where, request.timeout(), ex);
			}
			throw new OutboundFailed(where + " " + whatHappened(ex, request), ex);
		}
		catch (RuntimeException ex) {
			if (pastDeadline(http, deadline)) {
				throw timedOut(where, request.timeout(), ex);
			}
			throw ex;
		}
		finally {
			cutOff.cancel(false);
		}
	}

	private static CloseableHttpClient client(OutboundGuard.Destination destination, Timeout connect, Timeout whole) {
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new PinnedAddresses(destination.host(), destination.addresses()))
				.setTlsSocketStrategy(TLS)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(whole).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(whole).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.setUserAgent("Tandem")
			.build();
	}

	private record Body(byte[] bytes, boolean truncated) {
	}

	private static Body read(HttpEntity entity, int max) throws IOException {
		if (entity == null) {
			return new Body(new byte[0], false);
		}
		InputStream in = entity.getContent();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[CHUNK];
		while (out.size() < max) {
			int read = in.read(chunk, 0, Math.min(CHUNK, max - out.size()));
			if (read < 0) {
				return new Body(out.toByteArray(), false);
			}
			out.write(chunk, 0, read);
		}
		return new Body(out.toByteArray(), in.read() >= 0);
	}

	private static Map<String, List<String>> headers(ClassicHttpResponse response) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Header header : response.getHeaders()) {
			headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
		}
		return headers;
	}

	private static String whatHappened(Exception ex, OutboundRequest request) {
		if (ex instanceof ConnectTimeoutException) {
			return "did not accept a connection within " + shown(request.connectTimeout());
		}
		if (ex instanceof ConnectException) {
			return "refused the connection";
		}
		if (ex instanceof SocketTimeoutException) {
			return "did not answer within " + shown(request.timeout());
		}
		if (ex instanceof SSLException) {
			return "failed the TLS handshake: its certificate is not trusted or does not name it, or it speaks no TLS"
					+ " version Tandem accepts";
		}
		if (ex instanceof NoHttpResponseException) {
			return "closed the connection without answering";
		}
		return "broke off the exchange";
	}

	private static boolean pastDeadline(HttpUriRequestBase http, long deadline) {
		return http.isCancelled() && System.nanoTime() - deadline >= 0;
	}

	private static OutboundFailed timedOut(String where, Duration timeout, Exception cause) {
		return new OutboundFailed(where + " did not answer within " + shown(timeout), cause);
	}

	/** The host and port, which the messages name. */
	private static String where(URI url) {
		return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
	}

	private static URI withoutFragment(URI url) {
		String text = url.toString();
		int hash = text.indexOf('#');
		return hash < 0 ? url : URI.create(text.substring(0, hash));
	}

	private static String shown(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}
}
