package app.tandem.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the servlet container's error page ({@code /error}) answers: the error page for browsers, problem+json for
 * everyone else, for the errors no handler saw (an unknown path, a method or a body type no operation takes).
 * Asked for directly, {@code /error} is a page like any other that does not exist: 404.
 */
@Configuration(proxyBeanMethods = false)
class ErrorAnswers {

	@Bean
	BasicErrorController errorController(ErrorAttributes attributes, WebProperties web,
			ObjectProvider<ErrorViewResolver> views) {
		return new Controller(attributes, web, views.orderedStream().toList());
	}

	static final class Controller extends BasicErrorController {

		private final ErrorAttributes attributes;

		Controller(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> views) {
			super(attributes, web.getError(), views);
			this.attributes = attributes;
		}

		@Override
		public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
			return super.errorHtml(notFoundIfAskedFor(request), response);
		}

		@Override
		public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
			notFoundIfAskedFor(request);
			HttpStatus status = getStatus(request);
			if (status == HttpStatus.NO_CONTENT) {
				return new ResponseEntity<>(status);
			}
			Throwable error = attributes.getError(new ServletWebRequest(request));
			Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			String path = uri == null ? request.getRequestURI() : uri.toString();
			ProblemDetail problem;
			HttpHeaders headers = new HttpHeaders();
			if (error instanceof HttpMediaTypeNotSupportedException unsupported) {
				problem = ProblemAnswers.unsupportedMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE),
						unsupported.getSupportedMediaTypes());
			}
			else if (status == HttpStatus.NOT_FOUND || error instanceof NoResourceFoundException) {
				problem = ProblemAnswers.problem(HttpStatus.NOT_FOUND, "Not found", "There is nothing at " + JsonPaths.shown(path));
			}
			else if (error instanceof ErrorResponse response && response.getBody().getDetail() != null) {
				problem = ProblemAnswers.problem(status, status.getReasonPhrase(), response.getBody().getDetail());
				headers.putAll(response.getHeaders());
			}
			else {
				problem = ProblemAnswers.problem(status, status.getReasonPhrase(), status.getReasonPhrase());
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "about:blank");
			body.put("title", problem.getTitle());
			body.put("status", problem.getStatus());
			body.put("detail", problem.getDetail());
			body.put("instance", path);
			if (problem.getProperties() != null) {
				body.putAll(problem.getProperties());
			}
			return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(body);
		}

		/** Only a request the container forwarded here carries an error; one that asked for /error finds nothing. */
		private static HttpServletRequest notFoundIfAskedFor(HttpServletRequest request) {
			if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
				request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
			}
			return request;
		}
	}
}
