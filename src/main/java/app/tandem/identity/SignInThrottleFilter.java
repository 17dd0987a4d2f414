package app.tandem.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 before any credentials are checked when {@link SignInThrottle} says so. */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getHeader("Authorization") != null && throttle.blocked(request)) {
			tooMany(response);
			return;
		}
		chain.doFilter(request, response);
	}

	static void tooMany(HttpServletResponse response) throws IOException {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(SignInThrottle.WINDOW.toSeconds()));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
				+ "\"detail\":\"" + SignInThrottledException.DETAIL + "\"}");
	}
}
