package app.tandem.identity;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser's session holds whom it signed in, not whether they may still be here: on every request
 * that comes with a signed-in session, the person's active flag is read (one lookup by primary key),
 * and the session of a deactivated person is ended there and then, so the request goes on signed
 * out (401 on the API, the sign-in page for pages), on any node. {@link Deactivation} deletes their
 * sessions too; this closes the gaps (a sign-in finishing while the deactivation commits, a node
 * writing a session back). Password and token sign-ins check the flag themselves.
 */
class ActiveSessions extends OncePerRequestFilter {

	private final JdbcClient jdbc;

	ActiveSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			UUID user = signedIn(SecurityContextHolder.getContext().getAuthentication());
			if (user != null && !active(user)) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}

	private static UUID signedIn(Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		if (authentication.getPrincipal() instanceof CallerDetails details) {
			return details.caller().id();
		}
		return authentication.getPrincipal() instanceof Caller caller ? caller.id() : null;
	}

	private boolean active(UUID user) {
		return jdbc.sql("select active from app_user where id = ?").param(user).query(Boolean.class).optional()
			.orElse(false);
	}
}
