package app.tandem.okr;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.okr.domain.Evaluation;
import app.tandem.okr.domain.KeyResultProgress;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Measured;
import app.tandem.okr.persistence.CheckInRow;
import app.tandem.okr.persistence.KeyResultChangeRow;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.shared.Ids;

/** Rows and their evaluations turned into what the API answers. */
final class ObjectiveViews {

	private ObjectiveViews() {
	}

	/** {@code forecasts}: by key result id (KeyResultForecasts). */
	static OkrViews.ObjectiveView objective(ObjectiveRow o, OkrEvaluations.Evaluated evaluated,
			Map<UUID, OkrViews.ForecastView> forecasts) {
		Evaluation e = evaluated.of(o.id());
		List<KeyResultRow> rows = evaluated.keyResultsOf(o.id());
		List<Evaluation> evaluations = evaluated.keyResultEvaluationsOf(o.id());
		List<OkrViews.KeyResultView> krs = new java.util.ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			krs.add(keyResult(rows.get(i), evaluations.get(i), evaluated, null, forecasts.get(rows.get(i).id())));
		}
		return new OkrViews.ObjectiveView(o.id().toString(), o.cycleId().toString(), o.key(), o.title(),
				o.description(), o.level(), Ids.str(o.teamId()), Ids.str(o.ownerId()), Ids.str(o.parentId()),
				Ids.str(o.parentKeyResultId()), o.type(), o.visibility(), o.draft(), o.retrospective(), Ids.str(o.carriedFromId()),
				e.progress(), e.expectedProgress(), e.status(), e.score(), e.scoreBand(), krs, o.createdAt(),
				o.version(), List.of(), o.archivedAt());
	}

	static OkrViews.KeyResultView keyResult(KeyResultRow kr, Evaluation e, OkrEvaluations.Evaluated evaluated,
			List<KeyResultChangeRow> history, OkrViews.ForecastView forecast) {
		Measured measured = evaluated.measured(kr);
		return new OkrViews.KeyResultView(kr.id().toString(), kr.objectiveId().toString(), kr.title(), kr.type(),
				kr.unit(), kr.weight(), Ids.str(kr.ownerId()), kr.dueDate(), kr.startValue(), kr.targetValue(),
				kr.minValue(), kr.maxValue(), Ids.str(kr.kpiId()), KeyResultProgress.current(kr.definition(), measured),
				kr.type() == KeyResultType.MILESTONE ? Boolean.TRUE.equals(measured.latestAchieved()) : null,
				evaluated.confidence(kr), evaluated.lastCheckInAt(kr),
				kr.grade(), kr.gradeNote(), e.progress(), e.expectedProgress(), e.status(), e.score(),
				forecast, Ids.str(kr.carriedFromId()),
				history == null ? null : history.stream().map(ObjectiveViews::change).toList(),
				kr.createdAt(), kr.version());
	}

	static OkrViews.ChangeView change(KeyResultChangeRow c) {
		return new OkrViews.ChangeView(c.at(), Ids.str(c.authorId()), c.kind(), c.field(), c.oldValue(), c.newValue(),
				c.reason());
	}

	static OkrViews.CheckInView checkIn(CheckInRow c) {
		return new OkrViews.CheckInView(c.id().toString(), c.keyResultId().toString(), c.at(), c.value(), c.achieved(),
				c.confidence(), c.note(), Ids.str(c.authorId()), c.source(), c.createdAt());
	}
}
