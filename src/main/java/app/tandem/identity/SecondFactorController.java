package app.tandem.identity;

import java.time.Clock;
import java.time.Instant;

import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's second factor (enrol, confirm, remove), and an administrator's reset of anyone's. */
@RestController
class SecondFactorController {

	private final IdentityApi identity;

	private final Users users;

	private final SecondFactors secondFactors;

	private final SignInThrottle throttle;

	private final Clock clock;

	SecondFactorController(IdentityApi identity, Users users, SecondFactors secondFactors, SignInThrottle throttle,
			Clock clock) {
		this.clock = clock;
		this.identity = identity;
		this.users = users;
		this.secondFactors = secondFactors;
		this.throttle = throttle;
	}

	/** What the authenticator app shows. */
	record Code(
			@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits your authenticator app shows") String code) {
	}

	@PostMapping("/api/v1/me/totp")
	@ResponseStatus(HttpStatus.CREATED)
	SecondFactors.Enrolment enrol() {
		return secondFactors.enrol(identity.caller());
	}

	@PostMapping("/api/v1/me/totp/confirm")
	Users.UserView confirm(@Valid @RequestBody Code command) {
		Caller caller = identity.caller();
		secondFactors.confirm(caller, command.code());
		return users.get(caller.id());
	}

	/**
	 * Wrong codes count as failed sign-ins: whoever holds a session could otherwise try every code
	 * to strip the second factor off an account.
	 */
	@DeleteMapping("/api/v1/me/totp")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@Valid @RequestBody Code command, HttpServletRequest request) {
		Caller caller = identity.caller();
		// No code passes this lock: codes are what is being guessed here.
		var lock = throttle.lock(caller.username(), request);
		if (lock.holds(Instant.now(clock))) {
			var wait = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS);
			wait.setDetail(SignInThrottledException.DETAIL);
			wait.getHeaders().set("Retry-After", Long.toString(lock.secondsLeft(Instant.now(clock))));
			throw wait;
		}
		try {
			secondFactors.disable(caller, command.code());
		}
		catch (InvalidInputException wrongCode) {
			throttle.failed(caller.username(), request, SecondFactorException.REASON, true);
			throw wrongCode;
		}
	}

	@DeleteMapping("/api/v1/users/{id}/totp")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset(@PathVariable String id) {
		var userId = Ids.parse(id, "user");
		identity.requireAdmin();
		secondFactors.reset(userId);
	}
}
