package app.tandem.identity;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user signed in with a password: all scopes, as the person themselves. */
class CallerDetails extends User {

	private final Caller caller;

	CallerDetails(Caller caller, String passwordHash, boolean active) {
		super(caller.username(), passwordHash == null ? "{noop}-" : passwordHash, active, true, true, true,
				List.of(new SimpleGrantedAuthority(Scope.READ.authority()),
						new SimpleGrantedAuthority(Scope.WRITE.authority()),
						new SimpleGrantedAuthority(Scope.INGEST.authority())));
		this.caller = caller;
	}

	Caller caller() {
		return caller;
	}
}
