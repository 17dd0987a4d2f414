package app.tandem.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import app.tandem.shared.RequestTooLargeException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Caps request bodies: a declared length over the limit is refused before reading, a chunked body
 * is counted as it is read. Imports (backup restore, measurement batches) get a larger limit, an OKRs-as-code
 * file its own (parsed as a whole in memory, and far smaller).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(RequestSizeProperties.class)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final long maxImportBytes;

	private final long maxOkrFileBytes;

	private final ObjectMapper json;

	RequestSizeLimit(RequestSizeProperties properties, ObjectMapper json) {
		this.json = json;
		this.maxBytes = properties.maxRequestBytes();
		this.maxImportBytes = properties.maxImportBytes();
		this.maxOkrFileBytes = properties.maxOkrFileBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = request.getRequestURI().endsWith("/api/v1/okrs.yaml") ? maxOkrFileBytes
				: isImport(request) ? maxImportBytes : maxBytes;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			ProblemDetail problem = ProblemAnswers.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
					"The request body is larger than " + limit + " bytes");
			instance(problem, request.getRequestURI());
			response.setStatus(problem.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			// JSON is UTF-8; the servlet default (ISO-8859-1) turned "…" into "?"
			response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
			response.getWriter().write(json.writeValueAsString(problem));
			return;
		}
		chain.doFilter(new Counted(request, limit), response);
	}

	/** The request's path, as Spring MVC sets it on its own problems; as it came if it is no URI (it then still reads). */
	private static void instance(ProblemDetail problem, String uri) {
		try {
			problem.setInstance(new URI(uri));
		}
		catch (URISyntaxException e) {
			problem.setProperty("instance", uri);
		}
	}

	private static boolean isImport(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.endsWith("/api/v1/import") || uri.endsWith("/measurements");
	}

	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		CountingStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws IOException {
			count += n;
			if (count > limit) {
				throw new RequestTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
