package app.tandem.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's limits for every answer (pages, API, static files, errors, and the refusals of the filters after this
 * one), set before anything else can answer. Spring Security adds its own (X-Frame-Options, X-Content-Type-Options,
 * Cache-Control) on the requests it sees.
 * <p>
 * Content-Security-Policy: only Tandem's own files run, load and style; no inline script or style, no plugins, no
 * framing, forms post only here (docs/DECISIONS.md says why each source is there). Referrer-Policy: no address of a
 * Tandem page (objective and cycle ids) leaves for another site. Permissions-Policy: none of the browser's devices and
 * sensors, which Tandem never uses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = policy("style-src 'self'", "img-src 'self'");

	/**
	 * Swagger UI (the API's documentation, a page of Tandem's own API description) inserts a style element from its
	 * script and draws its icons from data: URLs: allowed there, and only styles; its script is as strict as ours.
	 */
	static final String SWAGGER_UI_POLICY = policy("style-src 'self' 'unsafe-inline'", "img-src 'self' data:");

	static final String REFERRER_POLICY = "same-origin";

	static final String PERMISSIONS_POLICY = String.join(", ", "accelerometer=()", "camera=()", "display-capture=()",
			"geolocation=()", "gyroscope=()", "hid=()", "magnetometer=()", "microphone=()", "midi=()", "payment=()",
			"screen-wake-lock=()", "serial=()", "usb=()", "xr-spatial-tracking=()");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy",
				request.getRequestURI().startsWith("/swagger-ui/") ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", REFERRER_POLICY);
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		chain.doFilter(request, response);
	}

	private static String policy(String styles, String images) {
		return String.join("; ", "default-src 'self'", "script-src 'self'", styles, images, "font-src 'self'",
				"connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
				"frame-ancestors 'none'");
	}
}
