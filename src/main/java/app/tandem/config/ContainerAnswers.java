package app.tandem.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import app.tandem.shared.Excerpt;
import jakarta.servlet.RequestDispatcher;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, for a request it refuses before any filter or servlet sees it: an encoded slash
 * ({@code %2F}), backslash or NUL in the path, a malformed escape, an address or headers longer than the request's
 * head may be. Its report valve wrote an HTML page; this one writes problem+json in the input's terms, as every
 * other refusal of the API (a browser asking for a page outside {@code /api} still gets the short HTML page). An
 * address too long is 414 and headers too large 431, where Tomcat says 400 for both. Such a request is never
 * decoded or routed, so {@code /api/v1/cycles/x%2F..%2Fy} reaches no other resource.
 */
@Configuration(proxyBeanMethods = false)
class ContainerAnswers {

	/** Replaces the host's report valve (Boot adds one without server details; Tomcat would add its default). */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
		return factory -> factory.addContextCustomizers(context -> {
			Pipeline pipeline = context.getParent().getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemReports());
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReports.class.getName());
			}
		});
	}

	static final class ProblemReports extends ErrorReportValve {

		/** Tomcat's words when the request line or the headers overflow the buffer of a request's head. */
		private static final String HEAD_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
			.getString("iib.requestheadertoolarge.error");

		ProblemReports() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			String uri = request.getRequestURI();
			String accept = request.getHeader("Accept");
			if (uri != null && !uri.startsWith("/api") && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
				super.report(request, response, throwable);
				return;
			}
			if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			Object error = throwable != null ? throwable : request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			boolean headTooLarge = error instanceof IllegalArgumentException e && HEAD_TOO_LARGE.equals(e.getMessage());
			int status = response.getStatus() != 400 || !headTooLarge ? response.getStatus()
					: uri == null ? HttpStatus.URI_TOO_LONG.value() : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			HttpStatus known = HttpStatus.resolve(status);
			problem.put("title", known == null ? "Error" : known.getReasonPhrase());
			problem.put("status", status);
			problem.put("detail", detail(status, uri, headLimit(request)));
			if (uri != null) {
				problem.put("instance", Excerpt.of(uri));
			}
			try {
				response.setStatus(status);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				PrintWriter writer = response.getReporter();
				if (writer != null) {
					writer.write(JsonMapper.shared().writeValueAsString(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the answer has begun: nothing more to say
			}
		}

		/** What is wrong with the request, in its terms; never Tomcat's message or a class. */
		static String detail(int status, String uri, String limit) {
			if (status == HttpStatus.URI_TOO_LONG.value()) {
				return "The address is too long: its path and query, with the headers, may hold at most " + limit + ".";
			}
			if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()) {
				return "The headers are too large: with the address, they may hold at most " + limit + ".";
			}
			if (status != HttpStatus.BAD_REQUEST.value()) {
				HttpStatus known = HttpStatus.resolve(status);
				return known == null ? "The request cannot be answered." : known.getReasonPhrase();
			}
			if (uri == null) {
				return "The request's first line cannot be read: a character of the address that must be "
						+ "percent-encoded, or a malformed method or protocol.";
			}
			String raw = uri.toLowerCase(Locale.ROOT);
			if (raw.contains("%2f")) {
				return "The path holds an encoded slash (%2F), which no id or key contains.";
			}
			if (raw.contains("%5c") || raw.contains("\\")) {
				return "The path holds a backslash, which no id or key contains.";
			}
			if (raw.contains("%00")) {
				return "The path holds an encoded NUL character (%00), which no id or key contains.";
			}
			return "The address cannot be read: a path with a malformed percent-escape, or a header that is not valid.";
		}

		private static String headLimit(Request request) {
			if (request.getConnector() != null
					&& request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				int bytes = http.getMaxHttpRequestHeaderSize();
				return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
			}
			return "the server's limit";
		}
	}
}
