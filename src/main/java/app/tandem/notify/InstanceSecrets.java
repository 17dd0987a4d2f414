package app.tandem.notify;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys every node of this instance shares, kept in the database and made at first use (the first node to write one
 * wins; the others read it): no node holds a secret the others lack.
 */
@Component
class InstanceSecrets {

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	InstanceSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	byte[] key(String name) {
		String stored = read(name);
		if (stored == null) {
			byte[] fresh = new byte[32];
			random.nextBytes(fresh);
			try {
				jdbc.sql("insert into instance_secret (secret_name, secret_value) values (?, ?)")
					.params(name, Base64.getEncoder().encodeToString(fresh))
					.update();
			}
			catch (DuplicateKeyException another) {
				// another node made it first: theirs counts
			}
			stored = read(name);
		}
		return Base64.getDecoder().decode(stored);
	}

	private String read(String name) {
		return jdbc.sql("select secret_value from instance_secret where secret_name = ?").param(name).query(String.class).optional()
			.orElse(null);
	}
}
