package app.tandem.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import app.tandem.identity.totp.Totp;
import app.tandem.audit.AuditTrail;
import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's optional second factor: a TOTP secret shared with their authenticator app. Enrolment
 * starts with a new secret and takes effect once a code of it is confirmed; from then on a password
 * alone no longer signs them in ({@link PasswordAndCode}). An administrator may require a second
 * factor of a user, and reset a lost one. Each accepted code moves the user's last accepted time
 * step forward in the database, so no code serves twice, on any node. The secret is never shown
 * again after enrolment, never logged and never audited.
 */
@Service
class SecondFactors {

	static final String ISSUER = "Tandem";

	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	/** What a sign-in's code amounts to. */
	enum Check {
		/** The user has no second factor: the password is enough. */
		NONE,
		/** The code is right and had not been used. */
		ACCEPTED,
		/** Missing, wrong, used already, or the secret cannot be read (sealed under another key). */
		REFUSED
	}

	record Enrolment(String secret, String otpauthUri) {
	}

	private record State(String sealed, boolean enabled, Long lastStep, boolean required) {
	}

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TotpSecrets secrets;

	private final Clock clock;

	private final AuditTrail audit;

	SecondFactors(JdbcClient jdbc, TotpSecrets secrets, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
		this.audit = audit;
	}

	/** A new secret, pending until confirmed; starting again replaces a pending one. */
	@Transactional
	Enrolment enrol(Caller caller) {
		if (state(caller.id()).enabled()) {
			throw new ConflictException(
					"A second factor is enabled already; remove it first (DELETE /api/v1/me/totp with a current code)");
		}
		byte[] secret = new byte[Totp.SECRET_BYTES];
		random.nextBytes(secret);
		int updated = jdbc.sql("""
				update app_user set totp_secret = ?, totp_last_step = null
				where id = ? and totp_enabled_at is null""")
			.params(secrets.seal(caller.id(), secret), caller.id())
			.update();
		if (updated == 0) {
			throw new ConflictException("A second factor was enabled meanwhile; remove it first");
		}
		audit.record("user", caller.id(), "TOTP_STARTED", AuditTrail.change("totpPending", false, true));
		return new Enrolment(Totp.base32(secret), Totp.uri(ISSUER, caller.username(), secret));
	}

	/** Enables the pending secret when the code is one of its current codes; otherwise changes nothing. */
	@Transactional
	void confirm(Caller caller, String code) {
		State state = state(caller.id());
		if (state.enabled()) {
			throw new ConflictException("The second factor is enabled already");
		}
		if (state.sealed() == null) {
			throw new ConflictException("There is no enrolment to confirm: start one with POST /api/v1/me/totp");
		}
		long step = acceptedStep(caller.id(), state, code)
			.orElseThrow(() -> InvalidInputException.of("code", "is not a current code of the new secret"));
		int updated = jdbc.sql("""
				update app_user set totp_enabled_at = ?, totp_last_step = ?, version = version + 1
				where id = ? and totp_enabled_at is null and totp_secret = ?""")
			.params(Sql.ts(Instant.now(clock)), step, caller.id(), state.sealed())
			.update();
		if (updated == 0) {
			throw new ConflictException("The enrolment changed meanwhile; start again with POST /api/v1/me/totp");
		}
		audit.record("user", caller.id(), "TOTP_ENABLED", AuditTrail.change("totpEnabled", false, true));
	}

	/** The user removes their own second factor, proving they hold it; a pending enrolment goes without a code. */
	@Transactional
	void disable(Caller caller, String code) {
		State state = state(caller.id());
		if (state.sealed() == null) {
			throw new NotFoundException("second factor of user", caller.id());
		}
		if (state.enabled() && !consume(caller.id(), state, code)) {
			throw InvalidInputException.of("code", "is not a current code of your second factor (or was used already)");
		}
		clear(caller.id(), state, "TOTP_DISABLED");
	}

	/** An administrator removes a user's second factor (a lost device): they sign in with their password again. */
	@Transactional
	void reset(UUID userId) {
		State state = find(userId).orElseThrow(() -> new NotFoundException("user", userId));
		if (state.sealed() != null) {
			clear(userId, state, "TOTP_RESET");
		}
	}

	/** At sign-in, after the password: whether this code completes it. An accepted code is used up. */
	Check check(UUID userId, String code) {
		State state = find(userId).orElse(null);
		if (state == null || !state.enabled()) {
			return Check.NONE;
		}
		return consume(userId, state, code) ? Check.ACCEPTED : Check.REFUSED;
	}

	/** Whether an administrator requires a second factor of this user and they have none yet. */
	boolean missing(UUID userId) {
		return find(userId).map(state -> state.required() && !state.enabled()).orElse(false);
	}

	private boolean consume(UUID userId, State state, String code) {
		OptionalLong step = acceptedStep(userId, state, code);
		// Conditional on the last step, so that two nodes taking one code at the same time accept it once.
		return step.isPresent() && jdbc.sql("""
				update app_user set totp_last_step = ?
				where id = ? and totp_enabled_at is not null and (totp_last_step is null or totp_last_step < ?)""")
			.params(step.getAsLong(), userId, step.getAsLong())
			.update() == 1;
	}

	private OptionalLong acceptedStep(UUID userId, State state, String code) {
		if (!Totp.wellFormed(code)) {
			return OptionalLong.empty();
		}
		Optional<byte[]> secret = secrets.open(userId, state.sealed());
		if (secret.isEmpty()) {
			log.warn("The second factor of user {} cannot be read with this instance's key (restored from another "
					+ "instance, or tandem.totp.key changed?); an administrator can reset it", userId);
			return OptionalLong.empty();
		}
		return Totp.match(secret.get(), code, Instant.now(clock),
				state.lastStep() == null ? Long.MIN_VALUE : state.lastStep());
	}

	private void clear(UUID userId, State state, String action) {
		jdbc.sql("""
				update app_user set totp_secret = null, totp_enabled_at = null, totp_last_step = null,
				  version = version + ?
				where id = ?""")
			.params(state.enabled() ? 1 : 0, userId)
			.update();
		audit.record("user", userId, action, state.enabled() ? AuditTrail.change("totpEnabled", true, false)
				: AuditTrail.change("totpPending", true, false));
	}

	private State state(UUID userId) {
		return find(userId).orElseThrow(() -> new NotFoundException("user", userId));
	}

	private Optional<State> find(UUID userId) {
		return jdbc.sql("select totp_secret, totp_enabled_at, totp_last_step, totp_required from app_user where id = ?")
			.param(userId)
			.query((rs, i) -> {
				long last = rs.getLong("totp_last_step");
				Long lastStep = rs.wasNull() ? null : last;
				return new State(rs.getString("totp_secret"), Sql.instant(rs, "totp_enabled_at") != null, lastStep,
						rs.getBoolean("totp_required"));
			})
			.optional();
	}
}
