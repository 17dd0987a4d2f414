package app.tandem.okr.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Objective progress, expected progress, status and score over the alignment tree, in one pass
 * over a flat list: the weighted mean of its key results, or, with none, the mean of the
 * objectives aligned to it (to it directly or to one of its key results), or 0.
 */
public final class ObjectiveRollup {

	private final Map<UUID, ObjectiveNode> nodes = new HashMap<>();

	private final Map<UUID, List<UUID>> children = new HashMap<>();

	private final Map<UUID, Evaluation> evaluated = new HashMap<>();

	private final Set<UUID> inProgress = new HashSet<>();

	private final Instant at;

	/** {@code nodes} must hold every objective that any node without key results rolls up from. */
	public ObjectiveRollup(Collection<ObjectiveNode> nodes, Instant at) {
		this.at = at;
		Map<UUID, UUID> objectiveOfKeyResult = new HashMap<>();
		for (ObjectiveNode node : nodes) {
			this.nodes.put(node.id(), node);
			for (ObjectiveNode.EvaluatedKeyResult kr : node.keyResults()) {
				objectiveOfKeyResult.put(kr.id(), node.id());
			}
		}
		for (ObjectiveNode node : nodes) {
			UUID parent = node.parentKeyResultId() != null ? objectiveOfKeyResult.get(node.parentKeyResultId())
					: node.parentId();
			if (parent == null && node.parentKeyResultId() != null) {
				parent = node.parentId();
			}
			if (parent != null && !parent.equals(node.id())) {
				children.computeIfAbsent(parent, k -> new ArrayList<>()).add(node.id());
			}
		}
	}

	public Evaluation evaluate(UUID objectiveId) {
		Evaluation done = evaluated.get(objectiveId);
		if (done != null) {
			return done;
		}
		ObjectiveNode node = nodes.get(objectiveId);
		if (node == null || !inProgress.add(objectiveId)) {
			// Unknown, or an alignment loop: contributes nothing rather than recursing forever.
			return new Evaluation(0, 0, Status.OFF_TRACK, 0);
		}
		double[] progressAndScore = node.keyResults().isEmpty() ? meanOfChildren(objectiveId) : weightedMean(node);
		double expected = ExpectedProgress.forType(ExpectedProgress.at(at, node.cycle().start(), windowEnd(node)),
				node.type());
		boolean doneMayBeDeclared = node.cycle().hasEndedAt(at) || node.keyResults().stream()
			.noneMatch(kr -> kr.definition().type() == KeyResultType.THRESHOLD);
		Status status = StatusRule.of(progressAndScore[0], expected, doneMayBeDeclared);
		Evaluation evaluation = new Evaluation(progressAndScore[0], expected, status, progressAndScore[1]);
		inProgress.remove(objectiveId);
		evaluated.put(objectiveId, evaluation);
		return evaluation;
	}

	/** The objective's window runs from its cycle's start to its latest key result due date (or the cycle end). */
	static LocalDate windowEnd(ObjectiveNode node) {
		return node.keyResults().stream()
			.map(kr -> kr.definition().dueDate())
			.max(LocalDate::compareTo)
			.orElse(node.cycle().end());
	}

	private static double[] weightedMean(ObjectiveNode node) {
		double weights = 0;
		double progress = 0;
		double score = 0;
		for (ObjectiveNode.EvaluatedKeyResult kr : node.keyResults()) {
			double weight = kr.definition().weight();
			weights += weight;
			progress += weight * kr.evaluation().progress();
			score += weight * kr.evaluation().score();
		}
		return new double[] { Fraction.clamp(progress / weights), Fraction.clamp(score / weights) };
	}

	private double[] meanOfChildren(UUID objectiveId) {
		List<UUID> aligned = children.getOrDefault(objectiveId, List.of());
		if (aligned.isEmpty()) {
			return new double[] { 0, 0 };
		}
		double progress = 0;
		double score = 0;
		for (UUID child : aligned) {
			Evaluation evaluation = evaluate(child);
			progress += evaluation.progress();
			score += evaluation.score();
		}
		return new double[] { progress / aligned.size(), score / aligned.size() };
	}
}
