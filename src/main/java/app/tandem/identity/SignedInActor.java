package app.tandem.identity;

import java.util.UUID;

import app.tandem.audit.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The audit trail's actor: the signed-in caller of this request, or nobody (the application's own work). */
@Component
class SignedInActor implements CurrentActor {

	@Override
	public UUID id() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return null;
		}
		if (authentication.getPrincipal() instanceof Caller caller) {
			return caller.id();
		}
		if (authentication.getPrincipal() instanceof CallerDetails details) {
			return details.caller().id();
		}
		return null;
	}
}
