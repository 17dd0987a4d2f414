package app.tandem.wins;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.identity.Caller;
import app.tandem.okr.OkrScores;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.ListPage;
import app.tandem.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wins feed, newest first, as the caller may see it (a win on a private objective only for those who may see
 * that objective), each win with its kudos; and kudos given.
 */
@Service
@Transactional(readOnly = true)
public class Wins {

	public static final int NOTE_MAX = 500;

	/** Wins read per round while filling a page with those the caller may see. */
	private static final int FETCH = 200;

	private final WinStore store;

	private final OkrScores outcomes;

	private final AuditTrail audit;

	private final Clock clock;

	Wins(WinStore store, OkrScores outcomes, AuditTrail audit, Clock clock) {
		this.store = store;
		this.outcomes = outcomes;
		this.audit = audit;
		this.clock = clock;
	}

	public record Person(String id, String username, String name) {
	}

	public record KudosView(String id, Person author, String note, Instant createdAt) {
	}

	/**
	 * {@code kind}: KEY_RESULT_DONE or OBJECTIVE_SCORED; {@code subjectId} the key result's or objective's id;
	 * {@code person} who did it (the key result's or objective's owner), {@code score} the objective's final score.
	 */
	public record WinView(String id, String kind, String subjectId, String objectiveId, String title, String cycleId,
			String teamId, String teamName, Person person, Double score, Instant at, int kudosCount,
			List<KudosView> kudos) {
	}

	/** A page of the wins the caller may see, newest first, after the win {@code after} (the previous page's next). */
	public ListPage<WinView> list(UUID cycleId, UUID teamId, UUID after, int limit, Caller caller) {
		List<WinStore.WinRow> visible = new ArrayList<>();
		UUID from = after;
		while (visible.size() <= limit) {
			List<WinStore.WinRow> batch = store.list(cycleId, teamId, from, FETCH);
			Set<UUID> seen = outcomes.visibleObjectives(batch.stream().map(WinStore.WinRow::objectiveId).toList(),
					caller);
			batch.stream().filter(w -> seen.contains(w.objectiveId())).forEach(visible::add);
			if (batch.size() < FETCH) {
				break;
			}
			from = batch.get(batch.size() - 1).id();
		}
		return ListPage.of(views(visible.size() > limit + 1 ? visible.subList(0, limit + 1) : visible), limit,
				WinView::id);
	}

	/** @throws NotFoundException when there is no such win or the caller may not see its objective */
	public WinView get(UUID id, Caller caller) {
		return views(List.of(visible(id, caller))).get(0);
	}

	/** A note of appreciation (1 to 500 characters) from the caller; the win again, with it. */
	@Transactional
	public WinView giveKudos(UUID winId, String note, Caller caller) {
		WinStore.WinRow win = visible(winId, caller);
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw InvalidInputException.of("note", "is required");
		}
		if (text.length() > NOTE_MAX) {
			throw InvalidInputException.of("note", "is longer than " + NOTE_MAX + " characters");
		}
		UUID id = Ids.next();
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		store.insertKudos(id, win.id(), caller.id(), text, now);
		audit.record("kudos", id, "CREATED", Map.of("winId", new Object[] { null, win.id() }, "note",
				new Object[] { null, text }));
		return views(List.of(win)).get(0);
	}

	private WinStore.WinRow visible(UUID id, Caller caller) {
		WinStore.WinRow win = store.find(id).orElseThrow(() -> new NotFoundException("win", id));
		if (!outcomes.visibleObjectives(List.of(win.objectiveId()), caller).contains(win.objectiveId())) {
			throw new NotFoundException("win", id);
		}
		return win;
	}

	private List<WinView> views(List<WinStore.WinRow> rows) {
		Map<UUID, List<WinStore.KudosRow>> kudos = store.kudosOf(rows.stream().map(WinStore.WinRow::id).toList());
		return rows.stream().map(w -> {
			List<KudosView> given = kudos.getOrDefault(w.id(), List.of()).stream()
				.map(k -> new KudosView(k.id().toString(), new Person(k.authorId().toString(), k.username(),
						k.authorName()), k.note(), k.createdAt()))
				.toList();
			Person person = w.personId() == null ? null
					: new Person(w.personId().toString(), w.username(), w.personName());
			return new WinView(w.id().toString(), w.kind().name(), w.subjectId().toString(),
					w.objectiveId().toString(), w.title(), w.cycleId().toString(), Ids.str(w.teamId()), w.teamName(),
					person, w.score(), w.at(), given.size(), given);
		}).toList();
	}
}
