package app.tandem.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

import app.tandem.shared.AuditTrail;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing: after {@code tandem.sign-in.max-failures-per-account} (5) failed
 * sign-ins within a minute for one account, or {@code …-per-address} (20: an office behind one
 * address has many people) from one address, further attempts answer 429 until the minute has
 * passed. Failures are rows in the database, so the count holds across all nodes; each one is also
 * a security event in the audit trail. Checks of one account's password run one at a time, each
 * counting the failures of those before it ({@link #oneAtATime}), so guesses sent in parallel get
 * no further than guesses sent one after another.
 */
@Component
class SignInThrottle {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final int perAccount;

	private final int perAddress;

	private final TransactionTemplate separately;

	SignInThrottle(JdbcClient jdbc, Clock clock, AuditTrail audit, PlatformTransactionManager transactions,
			@Value("${tandem.sign-in.max-failures-per-account:5}") int perAccount,
			@Value("${tandem.sign-in.max-failures-per-address:20}") int perAddress) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.perAccount = perAccount;
		this.perAddress = perAddress;
	}

	/** Whether this attempt must wait: too many recent failures for its account or from its address. */
	boolean blocked(HttpServletRequest request) {
		return blocked(basicUsername(request), request);
	}

	/** As {@link #blocked(HttpServletRequest)} for a user name sent otherwise (a sign-in form). */
	boolean blocked(String username, HttpServletRequest request) {
		// One query: this runs before every API call that carries credentials.
		return jdbc.sql("""
				select coalesce(sum(case when address = ? then 1 else 0 end), 0),
				       coalesce(sum(case when username = ? then 1 else 0 end), 0)
				from sign_in_failure where at > ? and (address = ? or username = ?)""")
			.params(address(request), username, Sql.ts(Instant.now(clock).minus(WINDOW)), address(request), username)
			.query((rs, i) -> rs.getLong(1) >= perAddress || (username != null && rs.getLong(2) >= perAccount))
			.single();
	}

	/** The request's sign-in failure is already recorded (by {@link #oneAtATime}): not again. */
	static final String RECORDED = SignInThrottle.class.getName() + ".recorded";

	/**
	 * Checks a known account's password (and code) while holding its user row, after every check of
	 * the same account before it has counted its failure: otherwise parallel guesses would all pass
	 * the count before the first failure was written. The lock is held only for the check (the
	 * password hash's ~80 ms); once the account is blocked, {@link SignInThrottleFilter} answers 429
	 * before anyone waits for it. A failure is recorded under the lock and marked on the request.
	 */
	<T> T oneAtATime(String username, HttpServletRequest request, Supplier<T> check) {
		Outcome<T> outcome = separately.execute(status -> {
			jdbc.sql("select id from app_user where username = ? for update").param(username).query().listOfRows();
			if (blocked(username, request)) {
				return new Outcome<T>(null, new SignInThrottledException());
			}
			try {
				return new Outcome<>(check.get(), null);
			}
			catch (AuthenticationException refused) {
				// Recorded here, under the lock, and committed with it (a thrown exception would roll it back).
				failed(username, request, SecondFactorException.reason(refused));
				request.setAttribute(RECORDED, true);
				return new Outcome<T>(null, refused);
			}
		});
		if (outcome.refused() != null) {
			throw outcome.refused();
		}
		return outcome.result();
	}

	private record Outcome<T>(T result, AuthenticationException refused) {
	}

	/** Records a failed sign-in (a wrong password, an unknown user or token) and audits it. */
	void failed(HttpServletRequest request, String reason) {
		failed(basicUsername(request), request, reason);
	}

	void failed(String name, HttpServletRequest request, String reason) {
		Instant now = Instant.now(clock);
		String username = name == null || name.isEmpty() || name.length() > 100 ? null : name;
		String address = address(request);
		jdbc.sql("insert into sign_in_failure (id, username, address, at) values (?, ?, ?, ?)")
			.params(Ids.next(), username, address, Sql.ts(now))
			.update();
		var changes = AuditTrail.change("address", null, address);
		changes.put("reason", new Object[] { null, reason });
		// Without a usable name (a token, a malformed or over-long one) the event is filed as unnamed.
		audit.record("sign_in", username != null ? username : "(unnamed)", "FAILED", changes);
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
