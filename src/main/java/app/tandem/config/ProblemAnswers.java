package app.tandem.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.RequestTooLargeException;
import app.tandem.shared.RowsRejectedException;
import app.tandem.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Every error as application/problem+json (RFC 9457), validation problems with their fields. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemAnswers extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
		return answer(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException e) {
		return answer(problem(HttpStatus.CONFLICT, "Conflict", e.getMessage()));
	}

	@ExceptionHandler(StaleVersionException.class)
	ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
		HttpStatus status = e.fromIfMatch() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
		return answer(problem(status, "Edited by someone else", e.getMessage()));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		return answer(invalidProblem(e.errors().stream().map(f -> fieldError(f.field(), f.message())).toList()));
	}

	@ExceptionHandler(RowsRejectedException.class)
	ResponseEntity<ProblemDetail> rowsRejected(RowsRejectedException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid rows", e.getMessage());
		problem.setProperty("errors", e.errors().stream()
			.map(r -> Map.of("line", r.line(), "field", r.field(), "message", r.message()))
			.toList());
		return answer(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		return answer(invalidProblem(List.of(fieldError(e.getName(), "is not a valid value: " + e.getValue()))));
	}

	@ExceptionHandler(RequestTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException e) {
		return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage()));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
			.map(f -> fieldError(f.getField(), f.getDefaultMessage()))
			.toList();
		return objectAnswer(invalidProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = e.getParameterValidationResults().stream()
			.flatMap(r -> r.getResolvableErrors().stream()
				.map(err -> fieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
			.toList();
		return objectAnswer(invalidProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = e.getMostSpecificCause();
		if (cause instanceof RequestTooLargeException tooLarge) {
			return objectAnswer(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.getMessage()));
		}
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
				return objectAnswer(invalidProblem(List.of(fieldError(JsonPaths.of(json.getPath()), JsonPaths.reason(json)))));
			}
		}
		return objectAnswer(problem(HttpStatus.BAD_REQUEST, "Malformed request",
				"The body is not valid JSON for this request: " + JsonPaths.reason(cause)));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (entity == null) {
			return null;
		}
		return ResponseEntity.status(entity.getStatusCode())
			.headers(entity.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(entity.getBody());
	}

	/**
	 * A unique key or reference that a concurrent request took or removed between our check and
	 * our write (two ingestions of the same instant, two users of the same name), or a deadlock
	 * the database broke: retryable.
	 */
	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.ConcurrencyFailureException.class })
	ResponseEntity<ProblemDetail> integrity(org.springframework.dao.DataAccessException e) {
		log.info("Write refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
		return answer(problem(HttpStatus.CONFLICT, "Conflict",
				"The write conflicts with data written at the same time; nothing was changed. Try again."));
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(Exception e) {
		return answer(problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestTooLargeException tooLarge) {
				return tooLarge(tooLarge);
			}
		}
		log.error("Unexpected error", e);
		return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; nothing was changed."));
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private static ProblemDetail invalidProblem(List<Map<String, String>> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input",
				errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
						: errors.size() + " fields are invalid");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field == null ? "" : field, "message", message == null ? "is invalid" : message);
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ResponseEntity<Object> objectAnswer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
