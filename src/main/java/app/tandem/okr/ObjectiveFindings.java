package app.tandem.okr;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.tandem.shared.Finding;

/**
 * What the coach says about objectives as written: implemented by the coach module, which is built
 * on this one (so this one cannot call it directly). Without an implementation objectives carry no
 * findings.
 */
public interface ObjectiveFindings {

	/**
	 * The findings about each objective and its key results, by objective id.
	 *
	 * @param objectives objectives as answered, with their key results as they were at {@code asOf}
	 * @param asOf the instant they show, or null for now
	 */
	Map<String, List<Finding>> of(List<OkrViews.ObjectiveView> objectives, Instant asOf);
}
