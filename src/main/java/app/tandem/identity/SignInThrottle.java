package app.tandem.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import app.tandem.identity.totp.Totp;
import app.tandem.audit.AuditTrail;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without locking out the people it protects. Failures are rows in the
 * database, so every count holds across all nodes; each one is also a security event in the audit trail.
 * <ul>
 * <li>An account's password sign-ins wait after its failures ({@link SignInLockOut}: per address, then
 * across addresses, growing to an hour; the right password with a second factor's code passes).</li>
 * <li>An address with {@code tandem.sign-in.max-failures-per-address} (20) failures within a minute gets
 * 429 for its further <em>failed</em> attempts: credentials are still checked, so that the right
 * password or a valid token of anyone else behind that address (an office, a proxy) still works.</li>
 * <li>A valid API token is never held up: it cannot be guessed, so failures do not concern it.</li>
 * </ul>
 * Checks of one account's password run one at a time ({@link #oneAtATime}), so guesses sent in parallel
 * get no further than guesses sent one after another.
 */
@Component
class SignInThrottle {

	/** How far back an address's failures count. */
	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(1);

	/** The request's sign-in failure is already recorded (by {@link #oneAtATime}): not again. */
	static final String RECORDED = SignInThrottle.class.getName() + ".recorded";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final SignInLockOut lockOut;

	private final int perAddress;

	private final TransactionTemplate separately;

	SignInThrottle(JdbcClient jdbc, Clock clock, AuditTrail audit, PlatformTransactionManager transactions,
			IdentityProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.lockOut = new SignInLockOut(properties.signIn().maxFailuresPerAccount());
		this.perAddress = properties.signIn().maxFailuresPerAddress();
	}

	/** The lock on this account's sign-ins from the request's address (one query). */
	SignInLockOut.Lock lock(String username, HttpServletRequest request) {
		List<SignInLockOut.Tally> tallies = jdbc.sql("""
				select address, count(*) as failures, sum(case when second_factor then 1 else 0 end) as codes,
				       max(at) as latest
				from sign_in_failure where username = ? and at > ? group by address""")
			.params(username, Sql.ts(now().minus(SignInLockOut.REMEMBERED)))
			.query((rs, i) -> new SignInLockOut.Tally(rs.getString("address"), rs.getLong("failures"),
					rs.getLong("codes"), Sql.instant(rs, "latest")))
			.list();
		return lockOut.lock(tallies, address(request), now());
	}

	/**
	 * Seconds a password sign-in must wait before it is even checked, or 0: when the account is locked for
	 * this address and the attempt cannot pass the lock (no code sent, or the account has no second factor).
	 */
	long mustWait(String username, String code, HttpServletRequest request) {
		if (username == null) {
			return 0;
		}
		SignInLockOut.Lock lock = lock(username, request);
		Instant now = now();
		if (!lock.holds(now) || (lock.passableWithCode() && Totp.wellFormed(code) && hasSecondFactor(username))) {
			return 0;
		}
		return lock.secondsLeft(now);
	}

	private boolean hasSecondFactor(String username) {
		return jdbc.sql("select count(*) from app_user where username = ? and totp_enabled_at is not null")
			.param(username).query(Long.class).single() > 0;
	}

	/**
	 * Checks a password (and code) while holding the account's user row, after every check of the same
	 * account before it has counted its failure: otherwise parallel guesses would all pass the count
	 * before the first failure was written. The lock is held only for the check (the password hash's
	 * ~80 ms). While the account is locked for this address, only an attempt with a code is checked, and
	 * {@code check} is told that only an accepted code will do; any failure then answers 429. A failure
	 * is recorded under the row lock and marked on the request.
	 */
	<T> T oneAtATime(String username, boolean codeSent, HttpServletRequest request, Function<Boolean, T> check) {
		Outcome<T> outcome = separately.execute(status -> {
			jdbc.sql("select id from app_user where username = ? for update").param(username).query().listOfRows();
			SignInLockOut.Lock lock = lock(username, request);
			Instant now = now();
			boolean locked = lock.holds(now);
			if (locked && !(lock.passableWithCode() && codeSent)) {
				return new Outcome<T>(null, new SignInThrottledException(lock.secondsLeft(now)));
			}
			try {
				return new Outcome<>(check.apply(locked), null);
			}
			catch (AuthenticationException refused) {
				// Recorded here, under the lock, and committed with it (a thrown exception would roll it back).
				boolean addressFailing = failed(username, request, SecondFactorException.reason(refused),
						refused instanceof SecondFactorException);
				request.setAttribute(RECORDED, true);
				if (locked) {
					return new Outcome<T>(null, new SignInThrottledException(lock.secondsLeft(now)));
				}
				return new Outcome<T>(null,
						addressFailing ? new SignInThrottledException(ADDRESS_WINDOW.toSeconds()) : refused);
			}
		});
		if (outcome.refused() != null) {
			throw outcome.refused();
		}
		return outcome.result();
	}

	private record Outcome<T>(T result, AuthenticationException refused) {
	}

	/**
	 * Records a failed sign-in (a wrong password or code, an unknown user or token) and audits it; answers
	 * whether its address had failed too often already, so that this failure answers 429. Past that limit
	 * a failure that names nobody (a token, malformed credentials) is neither kept nor audited: one
	 * misbehaving client must not fill the database. A named one still is: it counts for that name.
	 */
	boolean failed(String name, HttpServletRequest request, String reason, boolean secondFactor) {
		Instant now = now();
		String username = name == null || name.isEmpty() || name.length() > 100 ? null : name;
		String address = address(request);
		boolean addressFailing = jdbc.sql("select count(*) from sign_in_failure where address = ? and at > ?")
			.params(address, Sql.ts(now.minus(ADDRESS_WINDOW)))
			.query(Long.class)
			.single() >= perAddress;
		if (addressFailing && username == null) {
			return true;
		}
		jdbc.sql("insert into sign_in_failure (id, username, address, at, second_factor) values (?, ?, ?, ?, ?)")
			.params(Ids.next(), username, address, Sql.ts(now), secondFactor)
			.update();
		var changes = AuditTrail.change("address", null, address);
		changes.put("reason", new Object[] { null, reason });
		// Without a usable name (a token, a malformed or over-long one) the event is filed as unnamed.
		audit.record("sign_in", username != null ? username : "(unnamed)", "FAILED", changes);
		return addressFailing;
	}

	/** A new password makes the guesses at the old one moot: the account's failures are forgotten. */
	void forget(String username) {
		jdbc.sql("delete from sign_in_failure where username = ?").param(username).update();
	}

	private Instant now() {
		return Instant.now(clock);
	}

	private static String address(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		return address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
	}

	/** The user name of HTTP Basic credentials, or null (none, a token, or not decodable). */
	static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			String name = colon < 0 ? decoded : decoded.substring(0, colon);
			return name.isEmpty() || name.length() > 100 ? null : name;
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}
}
