package app.tandem.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.audit.AuditTrail;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Sql;
import app.tandem.shared.Versions;

/**
 * A person added by an admin joins through a one-time link where they choose their own password: the admin never
 * knows it. The link's secret is shown once; only its SHA-256 is kept (like an API token's). It works once, for
 * {@link #VALID} days, and a new link for the same person ends the earlier ones.
 */
@Service
public class Invitations {

	public static final Duration VALID = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final Users users;

	private final Clock clock;

	private final AuditTrail audit;

	private final SecureRandom random = new SecureRandom();

	Invitations(JdbcClient jdbc, Users users, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.audit = audit;
	}

	/** A new link for this person (an admin's act: the caller checks), ending any earlier one not used yet. */
	@Transactional
	public Invitation invite(UUID userId, Caller by) {
		Users.UserView person = users.get(userId);
		if (!person.active()) {
			throw new ConflictException("User " + person.username() + " is deactivated: reactivate them first");
		}
		Issued issued = issue(userId, by.id(), Purpose.JOIN, VALID, null);
		// Never the secret, nor its hash.
		audit.record("user", userId, "INVITED", AuditTrail.change("expiresAt", null, issued.expiresAt()));
		return new Invitation(issued.token(), person.username(), person.name(), person.email(), issued.expiresAt());
	}

	/** What a link is for: joining (an admin's invitation) or choosing a new password (a reset asked for). */
	public enum Purpose {
		JOIN, RESET
	}

	/** A secret made, to send or show once, and until when it works. */
	record Issued(String token, Instant expiresAt) {
	}

	/** A new link of this purpose for the person, ending their earlier unused ones. */
	Issued issue(UUID userId, UUID by, Purpose purpose, Duration valid, String requestedFrom) {
		Instant now = Instant.now(clock);
		jdbc.sql("update invitation set expires_at = ? where user_id = ? and used_at is null and expires_at > ?")
			.params(Sql.ts(now), userId, Sql.ts(now))
			.update();
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expires = now.plus(valid);
		jdbc.sql("""
				insert into invitation (token_hash, user_id, created_by, created_at, expires_at, purpose, requested_from)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(ApiTokens.hash(token), userId, by, Sql.ts(now), Sql.ts(expires), purpose.name(), requestedFrom)
			.update();
		return new Issued(token, expires);
	}

	/** Who this link invites, while it may still be used. */
	public Optional<Invitee> open(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select u.id, u.username, u.name, u.email, u.version, i.purpose from invitation i
				join app_user u on u.id = i.user_id
				where i.token_hash = ? and i.used_at is null and i.expires_at > ? and u.active = true""")
			.params(ApiTokens.hash(token), Sql.ts(Instant.now(clock)))
			.query((rs, i) -> new Invitee(Sql.uuid(rs, "id"), rs.getString("username"), rs.getString("name"),
					rs.getString("email"), rs.getLong("version"), Purpose.valueOf(rs.getString("purpose"))))
			.optional();
	}

	/**
	 * Sets the invited person's password and uses the link up, in one transaction: a password the policy refuses
	 * leaves the link usable; of two tabs sending it at once, one wins and the other finds it used.
	 */
	@Transactional
	public Optional<Invitee> accept(String token, String password) {
		Optional<Invitee> invitee = open(token);
		if (invitee.isEmpty()) {
			return invitee;
		}
		Invitee person = invitee.get();
		users.passwordRefusal(password, person.username(), person.name(), person.email()).ifPresent(refusal -> {
			throw new RefusedPassword(refusal);
		});
		int used = jdbc.sql("update invitation set used_at = ? where token_hash = ? and used_at is null")
			.params(Sql.ts(Instant.now(clock)), ApiTokens.hash(token))
			.update();
		if (used == 0) {
			return Optional.empty();
		}
		users.update(person.id(), new UserCommands.UpdateUser(null, null, password, null, null, null, null),
				new Versions(null, false));
		audit.record("user", person.id(), person.purpose() == Purpose.RESET ? "PASSWORD_RESET" : "JOINED",
				AuditTrail.change("password", null, "(set)"));
		return invitee;
	}

	/** A link made: the secret, to show once, and until when it works; the person's address, if they have one. */
	public record Invitation(String token, String username, String name, String email, Instant expiresAt) {
	}

	/** The person a link invites, and what for. */
	public record Invitee(UUID id, String username, String name, String email, long version, Purpose purpose) {

		public boolean reset() {
			return purpose == Purpose.RESET;
		}
	}

	/** The password chosen breaks {@link PasswordPolicy}: nothing changed, the link still works. */
	public static final class RefusedPassword extends RuntimeException {

		private final PasswordPolicy.Refusal refusal;

		RefusedPassword(PasswordPolicy.Refusal refusal) {
			super("password " + refusal.message());
			this.refusal = refusal;
		}

		public PasswordPolicy.Refusal refusal() {
			return refusal;
		}
	}
}
