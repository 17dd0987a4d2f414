package app.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A sign-in's details with the second factor's code as it was sent: the form's {@code code} field,
 * or the API's {@code X-Tandem-OTP} header next to HTTP Basic. Once signed in, only the plain
 * details are kept ({@link #withoutCode()}), so that no code lives on in a session.
 */
class SecondFactorDetails extends WebAuthenticationDetails {

	static final String HEADER = "X-Tandem-OTP";

	static final String PARAMETER = "code";

	private final transient String code;

	private SecondFactorDetails(HttpServletRequest request, String code) {
		super(request);
		this.code = code;
	}

	static SecondFactorDetails fromHeader(HttpServletRequest request) {
		return new SecondFactorDetails(request, request.getHeader(HEADER));
	}

	static SecondFactorDetails fromForm(HttpServletRequest request) {
		return new SecondFactorDetails(request, request.getParameter(PARAMETER));
	}

	String code() {
		return code;
	}

	WebAuthenticationDetails withoutCode() {
		return new WebAuthenticationDetails(getRemoteAddress(), getSessionId());
	}
}
