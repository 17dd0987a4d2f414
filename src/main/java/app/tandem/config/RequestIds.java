package app.tandem.config;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import app.tandem.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a plain token (a load
 * balancer's), else a new one. It is answered in the same header, logged, and kept in the audit
 * trail, so one change can be followed from the proxy to the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String sent = request.getHeader(HEADER);
		String id = sent != null && PLAIN.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
		response.setHeader(HEADER, id);
		MDC.put(AuditTrail.REQUEST_ID, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(AuditTrail.REQUEST_ID);
		}
	}
}
