package app.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * 409 means a real conflict only. Spring translates every SQLSTATE of class 22 ("data exception": PostgreSQL's
 * "invalid byte sequence for encoding UTF8: 0x00", a number beyond its column) into a
 * {@link DataIntegrityViolationException}, as it does a duplicate key; the answers tell them apart.
 */
class DatabaseRefusalAnswersTests {

	private final ProblemAnswers answers = new ProblemAnswers();

	@Test
	void aCharacterTheDatabaseCannotStoreIsBadInputNotAConflict() {
		DataAccessException e = translated(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

		assertThat(e).isInstanceOf(DataIntegrityViolationException.class);
		var answer = answers.integrity(e);
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody().getDetail()).doesNotContain("Try again").doesNotContain("UTF8");
	}

	@Test
	void aNumberBeyondItsColumnIsBadInputToo() {
		var answer = answers.integrity(translated(new SQLException("numeric field overflow", "22003")));

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void aDuplicateKeyWrittenAtTheSameTimeIsAConflict() {
		var answer = answers.integrity(translated(new SQLException("duplicate key value violates unique constraint", "23505")));

		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(answer.getBody().getDetail()).contains("Try again");
	}

	@Test
	void aSerializationFailureIsAConflict() {
		var answer = answers.integrity(translated(new SQLException("could not serialize access", "40001")));

		assertThat(answer.getStatusCode().value()).isEqualTo(409);
	}

	private static DataAccessException translated(SQLException e) {
		return new SQLStateSQLExceptionTranslator().translate("write", "insert into objective ...", e);
	}
}
