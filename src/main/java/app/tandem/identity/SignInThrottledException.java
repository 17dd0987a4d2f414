package app.tandem.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account or from the address in the last minute: 429. */
class SignInThrottledException extends AuthenticationException {

	static final String DETAIL = "Too many failed sign-ins for this account or from this address; try again in a minute";

	SignInThrottledException() {
		super(DETAIL);
	}
}
