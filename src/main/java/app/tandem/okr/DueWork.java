package app.tandem.okr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.okr.domain.KeyResultProgress;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.CycleStore;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;
import app.tandem.okr.persistence.Sight;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person owes their OKRs: check-ins gone quiet, retrospectives of ended cycles (Home and the inbox). */
@Service
@Transactional(readOnly = true)
public class DueWork {

	/** A key result without a check-in for this long shows in its owner's inbox. */
	public static final Duration CHECK_IN_DUE_AFTER = Duration.ofDays(7);

	private final CycleStore cycles;

	private final ObjectiveStore objectives;

	private final KeyResultStore keyResults;

	private final OkrEvaluations evaluations;

	private final OkrAccess access;

	DueWork(CycleStore cycles, ObjectiveStore objectives, KeyResultStore keyResults, OkrEvaluations evaluations,
			OkrAccess access) {
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.evaluations = evaluations;
		this.access = access;
	}

	/** The caller's key results in started, open cycles that have gone a week without a check-in (and are not done). */
	public List<CheckInDue> checkInsDue(Caller caller) {
		Instant now = evaluations.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return due(caller, keyResults.quietOnes(caller.id(), today, now.minus(CHECK_IN_DUE_AFTER)));
	}

	/** As {@link #checkInsDue}, for the key results of the teams' objectives, whoever owns them (a lead's view). */
	public List<CheckInDue> checkInsDueInTeams(Caller caller, Collection<UUID> teamIds) {
		Instant now = evaluations.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return due(caller, keyResults.quietOnesOfTeams(teamIds, today, now.minus(CHECK_IN_DUE_AFTER)));
	}

	private List<CheckInDue> due(Caller caller, List<KeyResultStore.WithObjective> quietOnes) {
		Sight sight = access.sightOf(caller);
		List<CheckInDue> due = new ArrayList<>();
		for (var quiet : quietOnes) {
			KeyResultRow kr = quiet.keyResult();
			boolean done = kr.type() != KeyResultType.THRESHOLD
					&& KeyResultProgress.of(kr.definition(), kr.measured()) >= 1;
			// Owning a key result of someone else's private objective does not show it.
			boolean visible = objectives.find(kr.objectiveId()).map(sight::sees).orElse(false);
			if (!done && visible) {
				due.add(new CheckInDue(kr.id().toString(), kr.title(), kr.objectiveId().toString(),
						quiet.objectiveTitle(), kr.lastCheckInAt()));
			}
		}
		return due;
	}

	public record CheckInDue(String keyResultId, String title, String objectiveId, String objectiveTitle,
			Instant lastCheckInAt) {
	}

	/** The caller's objectives whose cycle has ended and that still lack a retrospective note. */
	public List<RetrospectiveDue> retrospectivesDue(Caller caller) {
		UUID ownerId = caller.id();
		Instant now = evaluations.now();
		List<RetrospectiveDue> due = new ArrayList<>();
		for (CycleRow cycle : cycles.all()) {
			if (!cycle.cycle().hasEndedAt(now)) {
				continue;
			}
			for (ObjectiveRow o : objectives.ownedInCycle(cycle.id(), ownerId)) {
				if (o.retrospective() == null || o.retrospective().isBlank()) {
					due.add(new RetrospectiveDue(o.id().toString(), o.title(), cycle.id().toString(), cycle.name(),
							cycle.endDate()));
				}
			}
		}
		return due;
	}

	public record RetrospectiveDue(String objectiveId, String title, String cycleId, String cycleName,
			LocalDate cycleEnd) {
	}}
