package app.tandem.coach.domain;

import java.util.List;

import app.tandem.shared.Finding;

/** A rule about one objective as written: the objective itself and its key results. */
public interface ObjectiveRule extends Rule {

	void check(ObjectiveSnapshot objective, CoachContext context, List<Finding> findings);
}
