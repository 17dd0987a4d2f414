package app.tandem.assessment.domain;

import java.util.List;
import java.util.Objects;

/**
 * A practice the OKR guides name (executive support, a regular cycle, …), with what to do next when the
 * organisation's answers rate it low, and what to keep doing when they rate it high.
 */
public record Practice(String key, Localized name, List<Localized> nextSteps, Localized keepDoing) {

	public Practice {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
		nextSteps = List.copyOf(nextSteps);
		Objects.requireNonNull(keepDoing, "keepDoing");
		if (nextSteps.isEmpty()) {
			throw new IllegalArgumentException("practice " + key + " needs at least one next step");
		}
	}
}
