package app.tandem.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer tdm_…}: the token's owner, limited to the token's scopes. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final ProblemEntryPoint entryPoint;

	BearerTokenFilter(ApiTokens tokens, ProblemEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		// "Bearer" with nothing after it is a malformed token (refused, counted), not missing credentials.
		boolean bearer = header != null && header.regionMatches(true, 0, "Bearer", 0, 6)
				&& (header.length() == 6 || header.charAt(6) == ' ');
		if (!bearer) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokens.Authenticated> found = tokens.authenticate(header.substring(6).trim());
		if (found.isEmpty()) {
			entryPoint.refuseToken(request, response);
			return;
		}
		ApiTokens.Authenticated auth = found.get();
		var authorities = auth.scopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(auth.caller(), null, authorities);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
