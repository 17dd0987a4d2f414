package app.tandem.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The submissions of the assessment with their answers, oldest first. */
@Repository
class AssessmentStore {

	/** One submission: who answered, when, and the answer to each question by its key. */
	record Submission(UUID id, UUID submittedBy, Instant submittedAt, Map<String, Integer> answers) {
	}

	private final JdbcClient jdbc;

	AssessmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Submission s) {
		jdbc.sql("insert into assessment (id, submitted_by, submitted_at) values (?, ?, ?)")
			.params(s.id(), s.submittedBy(), Sql.ts(s.submittedAt()))
			.update();
		s.answers().forEach((key, answer) -> jdbc
			.sql("insert into assessment_answer (assessment_id, question_key, answer) values (?, ?, ?)")
			.params(s.id(), key, answer)
			.update());
	}

	/** Every submission, oldest first (an organisation answers a handful a year: two reads for all). */
	List<Submission> all() {
		Map<UUID, Map<String, Integer>> answers = new LinkedHashMap<>();
		jdbc.sql("select assessment_id, question_key, answer from assessment_answer").query(rs -> {
			answers.computeIfAbsent(Sql.uuid(rs, 1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
		});
		List<Submission> all = new ArrayList<>();
		jdbc.sql("select id, submitted_by, submitted_at from assessment order by submitted_at, id").query(rs -> {
			UUID id = Sql.uuid(rs, 1);
			all.add(new Submission(id, Sql.uuid(rs, 2), Sql.instant(rs, 3), answers.getOrDefault(id, Map.of())));
		});
		return all;
	}

	long count() {
		return jdbc.sql("select count(*) from assessment").query(Long.class).single();
	}
}
