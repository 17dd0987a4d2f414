package app.tandem.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, like every other error of the API. */
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final SignInThrottle throttle;

	ProblemEntryPoint(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (e instanceof SignInThrottledException throttled) {
			SignInThrottleFilter.tooMany(response, throttled.secondsToWait());
			return;
		}
		// Credentials that were sent and refused (not merely missing) count as a failed sign-in.
		if (basicSent(request) && !(e instanceof InsufficientAuthenticationException)
				&& request.getAttribute(SignInThrottle.RECORDED) == null
				&& throttle.failed(SignInThrottle.basicUsername(request), request, SecondFactorException.reason(e), false)) {
			SignInThrottleFilter.tooMany(response, SignInThrottle.ADDRESS_WINDOW.toSeconds());
			return;
		}
		write(response, e instanceof SecondFactorException
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
		response.setStatus(403);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
				+ detail.replace("\"", "'") + "\"}");
	}

	/** A bearer token that is unknown, revoked or expired: a failed sign-in too, 429 from an address failing often. */
	void refuseToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (throttle.failed(null, request, "unknown, revoked or expired token", false)) {
			SignInThrottleFilter.tooMany(response, SignInThrottle.ADDRESS_WINDOW.toSeconds());
			return;
		}
		write(response, "The API token is unknown, revoked or expired");
	}

	void write(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(401);
		response.setHeader("WWW-Authenticate", "Basic realm=\"Tandem\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
				+ detail.replace("\"", "'") + "\"}");
	}
}
