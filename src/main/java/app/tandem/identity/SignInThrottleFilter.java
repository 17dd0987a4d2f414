package app.tandem.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 before a password is checked when its account is locked for this address and the attempt
 * cannot pass the lock ({@link SignInThrottle#mustWait}). Tokens are not held up here: a valid one always
 * works, an invalid one is counted when refused.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final ProblemEntryPoint problems;

	SignInThrottleFilter(SignInThrottle throttle, ProblemEntryPoint problems) {
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = throttle.mustWait(SignInThrottle.basicUsername(request), request.getHeader(SecondFactorDetails.HEADER),
				request);
		if (wait > 0) {
			problems.tooMany(response, wait);
			return;
		}
		chain.doFilter(request, response);
	}
}
