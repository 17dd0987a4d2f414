package app.tandem.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.audit.AuditTrail;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.Sql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a subject, oldest first, as a conversation reads. Anyone who may read the subject
 * may comment on it; mentioned users who exist are stored with the comment.
 */
@Service
public class Comments {

	static final int MAX_LENGTH = 10_000;

	private final JdbcClient jdbc;

	private final IdentityApi identity;

	private final Clock clock;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Comments(JdbcClient jdbc, IdentityApi identity, Clock clock, AuditTrail audit, ApplicationEventPublisher events) {
		this.events = events;
		this.audit = audit;
		this.jdbc = jdbc;
		this.identity = identity;
		this.clock = clock;
	}

	public enum SubjectType {
		OBJECTIVE, KEY_RESULT, KPI
	}

	public record Author(String id, String username, String name) {
	}

	public record CommentView(String id, SubjectType subjectType, String subjectId, Author author, String body,
			List<String> mentions, Instant createdAt) {
	}

	@Transactional
	public CommentView add(SubjectType type, UUID subject, String body, Caller caller) {
		if (body == null || body.isBlank()) {
			throw InvalidInputException.of("body", "is required");
		}
		if (body.length() > MAX_LENGTH) {
			throw InvalidInputException.of("body", "is longer than " + MAX_LENGTH + " characters");
		}
		UUID id = Ids.next();
		Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("insert into comment (id, subject_type, subject_id, author_id, body, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, type.name(), subject, caller.id(), body, Sql.ts(at))
			.update();
		List<UUID> mentioned = new ArrayList<>();
		for (String username : Mentions.in(body)) {
			identity.userIdByUsername(username).ifPresent(user -> {
				jdbc.sql("insert into comment_mention (comment_id, user_id) values (?, ?)").params(id, user).update();
				mentioned.add(user);
			});
		}
		CommentView created = list(type, subject, null, 1, id).get(0);
		audit.record("comment", id, "CREATED", AuditTrail.diff(null, created));
		events.publishEvent(new CommentPosted(id, type, subject, caller.id(), List.copyOf(mentioned), at));
		return created;
	}

	/** Oldest first, {@code limit} from after the comment {@code after}. */
	public List<CommentView> list(SubjectType type, UUID subject, UUID after, int limit) {
		return list(type, subject, after, limit, null);
	}

	private List<CommentView> list(SubjectType type, UUID subject, UUID after, int limit, UUID only) {
		List<CommentView> comments = new ArrayList<>();
		Map<UUID, List<String>> mentions = new HashMap<>();
		jdbc.sql("""
				select c.id, c.body, c.created_at, u.id, u.username, u.name from comment c
				join app_user u on u.id = c.author_id
				where c.subject_type = :type and c.subject_id = :subject
				  and (cast(:after as uuid) is null or c.id > :after) and (cast(:only as uuid) is null or c.id = :only)
				order by c.id limit :limit""")
			.param("type", type.name())
			.param("subject", subject)
			.param("after", after)
			.param("only", only)
			.param("limit", limit)
			.query(rs -> {
				UUID id = Sql.uuid(rs, 1);
				List<String> names = new ArrayList<>();
				mentions.put(id, names);
				comments.add(new CommentView(id.toString(), type, subject.toString(),
						new Author(Sql.uuid(rs, 4).toString(), rs.getString(5), rs.getString(6)), rs.getString(2), names,
						Sql.instant(rs, 3)));
			});
		if (!comments.isEmpty()) {
			jdbc.sql("""
					select m.comment_id, u.username from comment_mention m join app_user u on u.id = m.user_id
					where m.comment_id in (:ids) order by u.username""")
				.param("ids", mentions.keySet())
				.query(rs -> {
					mentions.get(Sql.uuid(rs, 1)).add(rs.getString(2));
				});
		}
		return comments;
	}
}
