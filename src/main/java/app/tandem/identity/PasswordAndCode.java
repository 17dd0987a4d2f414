package app.tandem.identity;

import app.tandem.identity.totp.Totp;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How a user name and password sign in, on the form and with HTTP Basic alike: the password, then,
 * for a user with a second factor, the code that came with it ({@link SecondFactorDetails}). The one
 * {@link AuthenticationProvider} bean, so Spring Security makes it the global one and nothing
 * signs in with a password alone behind its back.
 */
@Component
class PasswordAndCode implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SecondFactors secondFactors;

	private final SignInThrottle throttle;

	PasswordAndCode(Users users, PasswordEncoder encoder, SecondFactors secondFactors, SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
		this.passwords.setPasswordEncoder(encoder);
		this.secondFactors = secondFactors;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web && username != null
				&& !username.isEmpty() && username.length() <= 100) {
			String code = authentication.getDetails() instanceof SecondFactorDetails d ? d.code() : null;
			return throttle.oneAtATime(username, Totp.wellFormed(code), web.getRequest(),
					codeRequired -> check(authentication, codeRequired));
		}
		return check(authentication, false);
	}

	/** With {@code codeRequired} (the account is locked: only its second factor passes), a password alone fails. */
	private Authentication check(Authentication authentication, boolean codeRequired) {
		Authentication signedIn = passwords.authenticate(authentication);
		CallerDetails user = (CallerDetails) signedIn.getPrincipal();
		SecondFactorDetails details = authentication.getDetails() instanceof SecondFactorDetails d ? d : null;
		SecondFactors.Check second = secondFactors.check(user.caller().id(), details == null ? null : details.code());
		if (second == SecondFactors.Check.REFUSED || (codeRequired && second != SecondFactors.Check.ACCEPTED)) {
			throw new SecondFactorException();
		}
		var result = UsernamePasswordAuthenticationToken.authenticated(user, null, signedIn.getAuthorities());
		result.setDetails(details == null ? signedIn.getDetails() : details.withoutCode());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
