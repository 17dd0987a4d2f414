package app.tandem.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import app.tandem.audit.AuditTrail;
import app.tandem.shared.Mailer;
import app.tandem.shared.Sql;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a one-time link, valid an hour, e-mailed to the person's address. The answer is the same
 * whether or not an account matches, and the e-mail goes out after it (on a thread of its own), so neither the
 * words nor the time tell who has an account here. At most {@link #PER_ACCOUNT} links an hour per account and
 * {@link #PER_ADDRESS} per asking address; beyond that nothing is sent, and the answer is still the same.
 */
@Service
public class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	public static final Duration VALID = Duration.ofHours(1);

	static final int PER_ACCOUNT = 3;

	static final int PER_ADDRESS = 10;

	private final JdbcClient jdbc;

	private final Invitations invitations;

	private final Mailer mailer;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	private final ExecutorService sending = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "password-reset-mail");
		thread.setDaemon(true);
		return thread;
	});

	PasswordResets(JdbcClient jdbc, Invitations invitations, Mailer mailer, MessageSource messages, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.mailer = mailer;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		sending.shutdown();
	}

	/** Whether links can be e-mailed at all (else an admin makes one). */
	public boolean available() {
		return mailer.configured();
	}

	/**
	 * @param nameOrEmail what the person typed: their user name or e-mail address
	 * @param address where the request came from
	 * @param linkOf the page's address for a link's secret
	 */
	@Transactional
	public void request(String nameOrEmail, String address, Locale locale, Function<String, String> linkOf) {
		if (!available() || nameOrEmail == null || nameOrEmail.isBlank() || nameOrEmail.length() > 320) {
			return;
		}
		Optional<Account> account = account(nameOrEmail.strip());
		if (account.isEmpty()) {
			return;
		}
		Instant hourAgo = Instant.now(clock).minus(Duration.ofHours(1));
		long ofAccount = jdbc.sql("select count(*) from invitation where purpose = 'RESET' and user_id = ? and created_at > ?")
			.params(account.get().id(), Sql.ts(hourAgo)).query(Long.class).single();
		long ofAddress = jdbc.sql("select count(*) from invitation where purpose = 'RESET' and requested_from = ? and created_at > ?")
			.params(address, Sql.ts(hourAgo)).query(Long.class).single();
		if (ofAccount >= PER_ACCOUNT || ofAddress >= PER_ADDRESS) {
			log.info("A password reset for {} was not sent: {} within the hour", account.get().username(),
					ofAccount >= PER_ACCOUNT ? "too many for the account" : "too many from that address");
			return;
		}
		Invitations.Issued issued = invitations.issue(account.get().id(), account.get().id(),
				Invitations.Purpose.RESET, VALID, address);
		audit.record("user", account.get().id(), "PASSWORD_RESET_REQUESTED", AuditTrail.change("expiresAt", null,
				issued.expiresAt()));
		Mailer.Mail mail = mail(account.get(), linkOf.apply(issued.token()), locale);
		sending.submit(() -> {
			try {
				mailer.send(mail);
			}
			catch (Exception e) {
				log.warn("The password reset e-mail for {} was not sent: {}", account.get().username(), e.getMessage());
			}
		});
	}

	private record Account(UUID id, String username, String name, String email) {
	}

	/** An active person with an address, by user name or (any case) e-mail address. */
	private Optional<Account> account(String nameOrEmail) {
		return jdbc.sql("""
				select id, username, name, email from app_user
				where active = true and email is not null and (username = ? or lower(email) = lower(?))
				order by username fetch first 1 row only""")
			.params(nameOrEmail, nameOrEmail)
			.query((rs, i) -> new Account(Sql.uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	private Mailer.Mail mail(Account account, String link, Locale locale) {
		String subject = say("reset.mail.subject", locale);
		String body = say("reset.mail.body", locale, account.name(), account.username());
		String open = say("reset.mail.open", locale);
		String ignore = say("reset.mail.ignore", locale);
		return Mailer.compose(account.email(), subject, body, open, link, ignore, null, null, Map.of());
	}

	private String say(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
