package app.tandem.okr.domain;

import java.util.List;
import java.util.UUID;

/** One objective in the alignment tree, with its key results already evaluated. */
public record ObjectiveNode(UUID id, UUID parentId, UUID parentKeyResultId, ObjectiveType type, Cycle cycle,
		List<EvaluatedKeyResult> keyResults) {

	public record EvaluatedKeyResult(UUID id, KeyResultDefinition definition, Evaluation evaluation) {
	}
}
