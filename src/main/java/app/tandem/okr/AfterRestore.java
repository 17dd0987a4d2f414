package app.tandem.okr;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a restore, which writes rows as a backup has them, asks okr for afterwards. */
@Service
public class AfterRestore {

	private final ObjectiveRollups rollups;

	private final KeyResultLineRebuild lines;

	private final app.tandem.okr.persistence.ObjectiveStore objectives;

	AfterRestore(ObjectiveRollups rollups, KeyResultLineRebuild lines, app.tandem.okr.persistence.ObjectiveStore objectives) {
		this.rollups = rollups;
		this.lines = lines;
		this.objectives = objectives;
	}

	/**
	 * Stores every objective's progress and score anew, and every key result's forecast line; and moves every
	 * objective's revision on, so that no node keeps what it judged of an objective before the restore.
	 */
	@Transactional
	public void recomputeDerivedValues() {
		rollups.refreshAll();
		lines.compute(false);
		objectives.reviseAll();
	}
}
