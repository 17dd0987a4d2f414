package app.tandem.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account, or a failure from an address that failed too often: 429. */
class SignInThrottledException extends AuthenticationException {

	static final String DETAIL = "Too many failed sign-ins for this account or from this address; try again later "
			+ "(Retry-After says when)";

	private final long secondsToWait;

	SignInThrottledException(long secondsToWait) {
		super(DETAIL);
		this.secondsToWait = secondsToWait;
	}

	long secondsToWait() {
		return secondsToWait;
	}
}
