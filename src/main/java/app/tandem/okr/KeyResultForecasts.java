package app.tandem.okr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.okr.domain.CheckInPoint;
import app.tandem.okr.domain.ConfidenceCheck;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.persistence.CheckInStore;
import app.tandem.okr.persistence.CycleRow;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.shared.math.RunningFit;
import org.springframework.stereotype.Component;

/**
 * The forecasts of the key results that a read shows. Live reads take the line each key result keeps; "as of"
 * reads the line of the check-ins replayed up to then. Neither reads check-ins for it, but for key results whose
 * line has not been computed yet (a row from before lines were kept, until the start-up computes it): their
 * check-ins are read in one query per thousand.
 */
@Component
class KeyResultForecasts {

	private final CheckInStore checkIns;

	KeyResultForecasts(CheckInStore checkIns) {
		this.checkIns = checkIns;
	}

	/** By key result id, for the key results of these objectives as {@code evaluated} holds them. */
	Map<UUID, OkrViews.ForecastView> of(OkrEvaluations.Evaluated evaluated, Collection<UUID> objectiveIds) {
		Map<UUID, RunningFit> missing = missingLines(evaluated, objectiveIds);
		Map<UUID, OkrViews.ForecastView> forecasts = new HashMap<>();
		for (UUID objectiveId : objectiveIds) {
			ObjectiveRow objective = evaluated.objectives().get(objectiveId);
			for (KeyResultRow kr : evaluated.keyResultsOf(objectiveId)) {
				RunningFit fit = evaluated.fit(kr);
				KeyResultForecast forecast = KeyResultForecast.of(kr.definition(), objective.type(), kr.createdAt(),
						fit != null ? fit : missing.get(kr.id()), evaluated.measured(kr).inRangeCheckIns());
				forecasts.put(kr.id(), view(forecast, ConfidenceCheck.of(evaluated.confidence(kr), forecast)));
			}
		}
		return forecasts;
	}

	/** The lines of the key results that keep none yet, from their check-ins. */
	private Map<UUID, RunningFit> missingLines(OkrEvaluations.Evaluated evaluated, Collection<UUID> objectiveIds) {
		List<KeyResultStore.LineInput> missing = new ArrayList<>();
		for (UUID objectiveId : objectiveIds) {
			CycleRow cycle = evaluated.cycles().get(evaluated.objectives().get(objectiveId).cycleId());
			for (KeyResultRow kr : evaluated.keyResultsOf(objectiveId)) {
				if (evaluated.fit(kr) == null && kr.type() != KeyResultType.MILESTONE
						&& kr.type() != KeyResultType.BASELINE) {
					missing.add(new KeyResultStore.LineInput(kr.id(), kr.createdAt(), cycle.startDate(), cycle.endDate()));
				}
			}
		}
		if (missing.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<CheckInPoint>> points = checkIns
			.valuesOf(missing.stream().map(KeyResultStore.LineInput::id).toList(), null);
		Map<UUID, RunningFit> lines = new HashMap<>();
		for (KeyResultStore.LineInput kr : missing) {
			lines.put(kr.id(), KeyResultLineRebuild.line(kr, points.getOrDefault(kr.id(), List.of())));
		}
		return lines;
	}

	static OkrViews.ForecastView view(KeyResultForecast f, ConfidenceCheck check) {
		return new OkrViews.ForecastView(f.available(), f.reason(), f.at(), f.checkIns(), f.projectedValue(), f.low(),
				f.high(), f.projectedProgress(), f.lowProgress(), f.highProgress(), f.onPace(), check.disagrees(),
				check.note());
	}
}
