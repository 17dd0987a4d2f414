package app.tandem.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.ParseErrors;
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
import org.springframework.web.HttpMediaTypeNotSupportedException;
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

	/** A query or path parameter that is not of its type; a repeated one is shown with all its values. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		Class<?> type = e.getRequiredType();
		String expected = type != null && type.isEnum() ? "is not " + JsonPaths.describe(type)
				: "is not a valid " + JsonPaths.describe(type);
		return answer(invalidProblem(List.of(fieldError(e.getName(), expected + ": " + JsonPaths.shown(e.getValue())))));
	}

	/**
	 * The firewall refuses a request only once its parameters are read: a file posted as a form (curl's
	 * --data-binary default) has parameter names with line breaks. A refusal of the input, not our error.
	 */
	@ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(Exception e) {
		return answer(problem(HttpStatus.BAD_REQUEST, "Invalid request",
				"The request cannot be read as sent: a file goes in the body with its own type (Content-Type: text/csv, "
						+ "application/json or application/yaml), not as a form."));
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
		JacksonException first = null;
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
				return objectAnswer(invalidProblem(List.of(fieldError(JsonPaths.of(json.getPath()), JsonPaths.reason(json)))));
			}
			if (first == null && t instanceof JacksonException json) {
				first = json;
			}
		}
		String contentType = String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE));
		String format = contentType.contains("yaml") ? "YAML" : "JSON";
		if (first == null) {
			// Spring's own complaint (its message names the handler's Java signature): no body, or an unreadable one
			boolean missing = String.valueOf(e.getMessage()).startsWith("Required request body is missing");
			return objectAnswer(problem(HttpStatus.BAD_REQUEST, "Malformed request",
					missing ? "The request needs a " + format + " body" : "The body cannot be read as " + format));
		}
		return objectAnswer(problem(HttpStatus.BAD_REQUEST, "Malformed request",
				"The body is not valid " + format + " for this request: " + JsonPaths.reason(first)
						+ ParseErrors.where(first)));
	}

	/** A body of a type the operation does not read: the answer names the types it does read. */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return objectAnswer(unsupportedMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE), e.getSupportedMediaTypes()));
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
	 * the database broke: retryable, 409. Spring files the database's data exceptions (SQLSTATE class
	 * 22: a character it cannot store, a number out of its range) under integrity violations too; those
	 * are the request's values, not a conflict, and trying again cannot help: 400.
	 */
	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.ConcurrencyFailureException.class })
	ResponseEntity<ProblemDetail> integrity(org.springframework.dao.DataAccessException e) {
		String state = SqlStates.of(e);
		if (SqlStates.isDataException(state)) {
			log.warn("Write refused by the database as invalid data (SQLSTATE {}): {}", state,
					e.getMostSpecificCause().getMessage());
			return answer(problem(HttpStatus.BAD_REQUEST, "Invalid input",
					"A value of the request cannot be stored; nothing was changed."));
		}
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

	/** 415 naming what the operation reads; a wildcard or unreadable Content-Type is no type at all. */
	static ProblemDetail unsupportedMediaType(Object sent, List<MediaType> accepted) {
		List<String> types = accepted.stream().filter(t -> !t.isWildcardType() && !t.isWildcardSubtype())
			.map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
		if (types.isEmpty()) {
			types = List.of(MediaType.APPLICATION_JSON_VALUE);
		}
		String wanted = types.size() == 1 ? types.get(0)
				: String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.get(types.size() - 1);
		String detail = sent == null ? "The request names no Content-Type: send the body as " + wanted
				: "Content-Type '" + JsonPaths.shown(sent) + "' is not accepted here: send the body as " + wanted;
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail);
		problem.setProperty("accepted", types);
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
