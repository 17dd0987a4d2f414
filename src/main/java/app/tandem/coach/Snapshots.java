package app.tandem.coach;

import java.time.LocalDate;
import java.util.List;

import app.tandem.coach.domain.KeyResultSnapshot;
import app.tandem.coach.domain.KpiSnapshot;
import app.tandem.coach.domain.ObjectiveSnapshot;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.domain.Direction;
import app.tandem.okr.OkrDefinitions;
import app.tandem.okr.OkrViews;

/** The okr and kpi modules' read models as the coach's snapshots. */
final class Snapshots {

	private Snapshots() {
	}

	static ObjectiveSnapshot of(OkrDefinitions.WrittenObjective o, OkrViews.CycleView cycle) {
		List<KeyResultSnapshot> krs = o.keyResults().stream()
			.map(kr -> new KeyResultSnapshot(kr.id(), kr.title(), kr.type(), kr.startValue(), kr.targetValue(),
					kr.minValue(), kr.maxValue(), kr.dueDate(), kr.kpiId(), kr.confidenceNote()))
			.toList();
		return new ObjectiveSnapshot(o.id(), o.cycleId(), o.title(), o.level(), o.type(), o.teamId(), o.parentId(),
				start(cycle), end(cycle), krs);
	}

	static ObjectiveSnapshot of(OkrViews.ObjectiveView o, OkrViews.CycleView cycle) {
		List<KeyResultSnapshot> krs = o.keyResults().stream()
			.map(kr -> new KeyResultSnapshot(kr.id(), kr.title(), kr.type(), kr.startValue(), kr.targetValue(),
					kr.minValue(), kr.maxValue(), kr.dueDate(), kr.kpiId(), confidenceNote(kr.forecast())))
			.toList();
		return new ObjectiveSnapshot(o.id(), o.cycleId(), o.title(), o.level(), o.type(), o.teamId(), o.parentId(),
				start(cycle), end(cycle), krs);
	}

	/** @param latestValue the KPI's latest period value at the instant judged (the view's is now's) */
	static KpiSnapshot of(KpiView k, Double latestValue) {
		return new KpiSnapshot(k.id(), k.key(), k.name(), k.definition(), k.reason(), k.dataSource(),
				k.direction() == null ? null : Direction.valueOf(k.direction()), k.target(), k.lowerBound(),
				k.upperBound(), k.teamId(), k.reviewEveryDays(), k.lastReviewedAt(), k.createdAt(), latestValue);
	}

	private static String confidenceNote(OkrViews.ForecastView forecast) {
		return forecast != null && forecast.confidenceDisagrees() ? forecast.confidenceNote() : null;
	}

	private static LocalDate start(OkrViews.CycleView cycle) {
		return cycle == null ? null : cycle.startDate();
	}

	private static LocalDate end(OkrViews.CycleView cycle) {
		return cycle == null ? null : cycle.endDate();
	}
}
