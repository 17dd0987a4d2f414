package app.tandem.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On an empty database: user {@code admin}, with TANDEM_ADMIN_PASSWORD or a generated password logged once. A chosen
 * password must pass {@link PasswordPolicy} like any other: Tandem does not start with one it refuses.
 */
@Component
@Order(0)
@EnableConfigurationProperties(IdentityProperties.class)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final String configuredPassword;

	AdminBootstrap(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.configuredPassword = properties.adminPassword();
	}

	/** One statement, no transaction: of nodes starting together on an empty database, one inserts. */
	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0) {
			return;
		}
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? generate() : configuredPassword;
		if (!generated) {
			String organisation = jdbc.sql("select name from organisation where id = 1").query(String.class).optional()
				.orElse(null);
			PasswordPolicy.check(password, new PasswordPolicy.Context("admin", "Administrator", null, organisation))
				.ifPresent(refusal -> {
					throw new IllegalStateException("TANDEM_ADMIN_PASSWORD (tandem.admin-password) is refused: it "
							+ refusal.message() + ". Choose another for the user admin.");
				});
		}
		try {
			jdbc.sql("""
					insert into app_user (id, username, name, password_hash, admin, active, created_at, version)
					values (?, 'admin', 'Administrator', ?, true, true, ?, 0)""")
				.params(Ids.next(), passwords.encode(password), Sql.ts(Instant.now(clock)))
				.update();
		}
		catch (DuplicateKeyException anotherNodeWasFirst) {
			log.info("User 'admin' was created by another node starting at the same time");
			return;
		}
		if (generated) {
			log.warn("Created user 'admin' with the generated password {} (shown once; set TANDEM_ADMIN_PASSWORD to choose it)",
					password);
		}
		else {
			log.info("Created user 'admin' with the password from TANDEM_ADMIN_PASSWORD");
		}
	}

	private static String generate() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
