package app.tandem.okr;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a restore, which writes rows as a backup has them, asks okr for afterwards. */
@Service
public class AfterRestore {

	private final ObjectiveRollups rollups;

	private final KeyResultLineRebuild lines;

	AfterRestore(ObjectiveRollups rollups, KeyResultLineRebuild lines) {
		this.rollups = rollups;
		this.lines = lines;
	}

	/** Stores every objective's progress and score anew, and every key result's forecast line. */
	@Transactional
	public void recomputeDerivedValues() {
		rollups.refreshAll();
		lines.compute(false);
	}
}
