package app.tandem.okr;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.tandem.okr.persistence.KeyResultStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which key results the KPIs measure: what a KPI's new values move. */
@Service
@Transactional(readOnly = true)
public class MeasuredKeyResults {

	private final KeyResultStore keyResults;

	MeasuredKeyResults(KeyResultStore keyResults) {
		this.keyResults = keyResults;
	}

	/** The key results in open cycles that one of the KPIs measures (at most 1,000 KPIs per call). */
	public List<MeasuredKeyResult> by(Collection<UUID> kpiIds) {
		return keyResults.measuredBy(kpiIds).stream()
			.map(r -> new MeasuredKeyResult(r.kpiId(), r.keyResultId(), r.cycleStart(), r.cycleEnd()))
			.toList();
	}
}
