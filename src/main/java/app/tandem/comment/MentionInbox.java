package app.tandem.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.tandem.comment.Comments.Author;
import app.tandem.comment.Comments.SubjectType;
import app.tandem.identity.Caller;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's mentions: comments of the last {@link #KEPT} that mention the caller, newest first, on what they may
 * still see; mentioning oneself is no news. Until notifications bring a read state, an entry leaves with age.
 */
@Service
@Transactional(readOnly = true)
public class MentionInbox {

	static final Duration KEPT = Duration.ofDays(14);

	static final int LIMIT = 50;

	private final JdbcClient jdbc;

	private final CommentSubjects subjects;

	private final Clock clock;

	MentionInbox(JdbcClient jdbc, CommentSubjects subjects, Clock clock) {
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.clock = clock;
	}

	/**
	 * A comment that mentions the caller: by whom and when, on what ({@code subjectTitle}), and the page that shows it
	 * ({@code path}, the comment's anchor where the page shows its conversation).
	 */
	public record Mention(String commentId, SubjectType subjectType, String subjectId, String subjectTitle, Author by,
			Instant at, String path) {
	}

	public List<Mention> of(Caller caller) {
		record Row(UUID comment, SubjectType type, UUID subject, Author by, Instant at) {
		}
		// a few more than shown, as some may be on subjects the caller can no longer see
		List<Row> rows = jdbc.sql("""
				select c.id, c.subject_type, c.subject_id, c.created_at, u.id, u.username, u.name
				from comment_mention m join comment c on c.id = m.comment_id join app_user u on u.id = c.author_id
				where m.user_id = ? and c.author_id <> ? and c.created_at >= ?
				order by c.created_at desc, c.id desc limit ?""")
			.params(caller.id(), caller.id(), Sql.ts(Instant.now(clock).minus(KEPT)), LIMIT * 2)
			.query((rs, i) -> new Row(Sql.uuid(rs, 1), SubjectType.valueOf(rs.getString(2)), Sql.uuid(rs, 3),
					new Author(Sql.uuid(rs, 5).toString(), rs.getString(6), rs.getString(7)), Sql.instant(rs, 4)))
			.list();
		List<Mention> mentions = new ArrayList<>();
		for (Row row : rows) {
			if (mentions.size() == LIMIT) {
				break;
			}
			subjects.seen(row.type(), row.subject(), caller)
				.ifPresent(seen -> mentions.add(new Mention(row.comment().toString(), row.type(),
						row.subject().toString(), seen.title(), row.by(), row.at(), anchored(row.comment(), seen.path()))));
		}
		return mentions;
	}

	/** Objective and KPI pages show their conversation; a key result's lives in the API, so its page is the link. */
	private static String anchored(UUID comment, String path) {
		return path.contains("#") ? path : path + "#comment-" + comment;
	}
}
