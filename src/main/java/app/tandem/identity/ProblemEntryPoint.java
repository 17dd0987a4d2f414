package app.tandem.identity;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.ObjectMapper;

/**
 * 401, 403 and 429 as problem+json, like every other error of the API: a {@link ProblemDetail} written by the
 * application's mapper, as the API's own answers are.
 */
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final SignInThrottle throttle;

	private final ObjectMapper json;

	ProblemEntryPoint(SignInThrottle throttle, ObjectMapper json) {
		this.throttle = throttle;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (e instanceof SignInThrottledException throttled) {
			tooMany(response, throttled.secondsToWait());
			return;
		}
		// Credentials that were sent and refused (not merely missing) count as a failed sign-in.
		if (basicSent(request) && !(e instanceof InsufficientAuthenticationException)
				&& request.getAttribute(SignInThrottle.RECORDED) == null
				&& throttle.failed(SignInThrottle.basicUsername(request), request, SecondFactorException.reason(e), false)) {
			tooMany(response, SignInThrottle.ADDRESS_WINDOW.toSeconds());
			return;
		}
		unauthorized(response, e instanceof SecondFactorException
				? "This account has a second factor: send its current code in the " + SecondFactorDetails.HEADER
						+ " header with the password, or use an API token (Authorization: Bearer tdm_...)"
				: "Send HTTP Basic credentials or an API token (Authorization: Bearer …)");
	}

	/** Basic credentials of any shape, even undecodable: refusing them is a failed sign-in. */
	private static boolean basicSent(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic", 0, 5);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		forbid(response, "Your role or token scope does not allow this");
	}

	void forbid(HttpServletResponse response, String detail) throws IOException {
		write(response, problem(HttpStatus.FORBIDDEN, detail));
	}

	/** A bearer token that is unknown, revoked or expired: a failed sign-in too, 429 from an address failing often. */
	void refuseToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (throttle.failed(null, request, "unknown, revoked or expired token", false)) {
			tooMany(response, SignInThrottle.ADDRESS_WINDOW.toSeconds());
			return;
		}
		unauthorized(response, "The API token is unknown, revoked or expired");
	}

	private void unauthorized(HttpServletResponse response, String detail) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"Tandem\"");
		write(response, problem(HttpStatus.UNAUTHORIZED, detail));
	}

	/** 429: too many failed sign-ins for the account or from the address; Retry-After says when to try again. */
	void tooMany(HttpServletResponse response, long secondsToWait) throws IOException {
		response.setHeader("Retry-After", Long.toString(secondsToWait));
		write(response, problem(HttpStatus.TOO_MANY_REQUESTS, SignInThrottledException.DETAIL));
	}

	/** The status's reason phrase as title, the type about:blank and no instance, as these answers always had. */
	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// JSON is UTF-8; the servlet default (ISO-8859-1) turned "…" into "?"
		response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
