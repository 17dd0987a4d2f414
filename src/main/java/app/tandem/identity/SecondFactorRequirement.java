package app.tandem.identity;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whom an administrator requires to have a second factor, and who has none yet, signs in
 * (however: password, session or token) but may do nothing on the API except look at themselves
 * and enrol: everything else answers 403 until they do.
 */
class SecondFactorRequirement extends OncePerRequestFilter {

	static final String DETAIL = "A second factor is required: enrol at POST /api/v1/me/totp";

	private final SecondFactors secondFactors;

	private final ProblemEntryPoint problems;

	private final SignedInActor signedIn = new SignedInActor();

	SecondFactorRequirement(SecondFactors secondFactors, ProblemEntryPoint problems) {
		this.secondFactors = secondFactors;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UUID caller = signedIn.id();
		if (caller != null && request.getServletPath().startsWith("/api/") && !enrolling(request)
				&& secondFactors.missing(caller)) {
			problems.forbid(response, DETAIL);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean enrolling(HttpServletRequest request) {
		String path = request.getServletPath();
		return (path.equals("/api/v1/me") && "GET".equals(request.getMethod())) || path.equals("/api/v1/me/totp")
				|| path.equals("/api/v1/me/totp/confirm");
	}
}
