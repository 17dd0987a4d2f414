package app.tandem.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.notify.domain.NotificationKind;
import app.tandem.shared.ListPage;
import app.tandem.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's notifications as the bell, the page and the API show them; marking them read. */
@Service
@Transactional(readOnly = true)
public class Notifications {

	/** A notification as shown: its sentence in the reader's language, and the page it is about. */
	public record NotificationView(String id, NotificationKind kind, String text, String subjectType,
			String subjectId, String url, Instant at, boolean read) {
	}

	private final NotificationStore store;

	private final NotificationWords words;

	private final Clock clock;

	Notifications(NotificationStore store, NotificationWords words, Clock clock) {
		this.store = store;
		this.words = words;
		this.clock = clock;
	}

	/** Newest first, a page at a time; the cursor is the last one's id. */
	public ListPage<NotificationView> of(Caller caller, boolean unreadOnly, UUID before, int limit, Locale locale) {
		List<NotificationView> views = store.of(caller.id(), unreadOnly, before, limit + 1).stream()
			.map(n -> new NotificationView(n.id().toString(), n.kind(), words.sentence(n, locale), n.subjectType(),
					n.subjectId(), n.path(), n.createdAt(), n.readAt() != null))
			.toList();
		return ListPage.of(views, limit, NotificationView::id);
	}

	/** The page a person's notification is about (always one of this instance's own pages). */
	public String pathOf(UUID id, Caller caller) {
		String path = store.pathOf(id, caller.id());
		if (path == null) {
			throw new NotFoundException("Notification", id);
		}
		return path.startsWith("/") && !path.startsWith("//") ? path : "/notifications";
	}

	/** How many the bell counts. */
	public long unread(Caller caller) {
		return store.unread(caller.id());
	}

	/** Another person's notification is as unknown as one that does not exist. */
	@Transactional
	public void markRead(UUID id, Caller caller) {
		if (id == null || !store.markRead(id, caller.id(), Instant.now(clock))) {
			throw new NotFoundException("Notification", id == null ? "" : id.toString());
		}
	}

	@Transactional
	public int markAllRead(Caller caller) {
		return store.markAllRead(caller.id(), Instant.now(clock));
	}
}
