package app.tandem.okr;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.okr.domain.CheckInPoint;
import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.okr.persistence.CheckInStore;
import app.tandem.okr.persistence.KeyResultStore;
import app.tandem.shared.math.RunningFit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The line through each key result's value check-ins in its cycle, kept on the key result (each check-in adds its
 * point: {@code KeyResultStore.applyCheckIn}) so that reads forecast without reading check-ins. Computed here from
 * the check-ins for every key result after a restore (a backup's rows are taken as they are, and older backups have
 * no lines); rows written before lines were kept got theirs from the migration
 * {@code db.migration.common.V29__Measurement_days_and_key_result_lines}.
 */
@Component
class KeyResultLineRebuild {

	/** Key results per read of check-ins and per transaction. */
	private static final int BATCH = 1000;

	private final KeyResultStore keyResults;

	private final CheckInStore checkIns;

	private final TransactionTemplate transactions;

	KeyResultLineRebuild(KeyResultStore keyResults, CheckInStore checkIns, PlatformTransactionManager transactions) {
		this.keyResults = keyResults;
		this.checkIns = checkIns;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Computes the lines of all key results (onlyMissing: of those without one) in the caller's transaction. */
	int compute(boolean onlyMissing) {
		List<KeyResultStore.LineInput> inputs = keyResults.lineInputs(onlyMissing);
		for (int from = 0; from < inputs.size(); from += BATCH) {
			List<KeyResultStore.LineInput> batch = inputs.subList(from, Math.min(inputs.size(), from + BATCH));
			Map<UUID, List<CheckInPoint>> points = checkIns
				.valuesOf(batch.stream().map(KeyResultStore.LineInput::id).toList(), null);
			List<Map.Entry<UUID, RunningFit>> fits = new ArrayList<>(batch.size());
			for (KeyResultStore.LineInput kr : batch) {
				fits.add(new AbstractMap.SimpleEntry<>(kr.id(), line(kr, points.getOrDefault(kr.id(), List.of()))));
			}
			keyResults.storeFits(fits);
		}
		return inputs.size();
	}

	static RunningFit line(KeyResultStore.LineInput kr, List<CheckInPoint> points) {
		return KeyResultForecast.lineThrough(kr.origin(), new Cycle(kr.cycleStart(), kr.cycleEnd(), null), points);
	}
}
