package app.tandem.identity;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/** The password was right, but the account has a second factor and its code was missing or wrong. */
class SecondFactorException extends BadCredentialsException {

	static final String REASON = "missing or wrong second-factor code";

	SecondFactorException() {
		super("A second factor is needed: the code was missing or wrong");
	}

	/** Why a sign-in failed, in the words the audit trail keeps. */
	static String reason(AuthenticationException e) {
		return e instanceof SecondFactorException ? REASON : "wrong user name or password";
	}
}
