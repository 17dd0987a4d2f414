package app.tandem.identity;

import java.time.Instant;
import java.util.UUID;

import app.tandem.TandemIntegrationTest;
import app.tandem.shared.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@TandemIntegrationTest
class SignInFailureHousekeepingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInFailureHousekeeping housekeeping;

	@Test
	void failuresOlderThanADayAreForgottenAndThoseThatStillCountKept() {
		String address = "192.0.2." + (System.nanoTime() % 200);
		Instant now = Instant.now();
		for (Instant at : new Instant[] { now.minusSeconds(2 * 86_400), now.minusSeconds(86_400 + 100), now.minusSeconds(7200), now.minusSeconds(30) }) {
			jdbc.sql("insert into sign_in_failure (id, username, address, at) values (?, 'housekeeping', ?, ?)")
				.params(UUID.randomUUID(), address, Sql.ts(at))
				.update();
		}
		housekeeping.forget();
		assertThat(jdbc.sql("select count(*) from sign_in_failure where address = ?").param(address).query(Long.class)
			.single()).as("the two within the day: they still count for a lock-out").isEqualTo(2);
	}
}
