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

	private Map<UUID, List<UUID>> children;

	private final Map<UUID, Evaluation> evaluated = new HashMap<>();

	private final Set<UUID> inProgress = new HashSet<>();

	private final Instant at;

	/** {@code nodes} must hold every objective that any node without key results rolls up from. */
	public ObjectiveRollup(Collection<ObjectiveNode> nodes, Instant at) {
		this.at = at;
		for (ObjectiveNode node : nodes) {
			this.nodes.put(node.id(), node);
		}
	}

	/**
	 * Who is aligned to whom, built on first need: only objectives without key results roll up
	 * from others, and most objectives have key results.
	 */
	private Map<UUID, List<UUID>> children() {
		if (children != null) {
			return children;
		}
		children = new HashMap<>();
		Map<UUID, UUID> objectiveOfKeyResult = null;
		for (ObjectiveNode node : nodes.values()) {
			UUID parent = node.parentId();
			UUID viaKeyResult = node.parentKeyResultId();
			if (viaKeyResult != null && !ownsKeyResult(nodes.get(parent), viaKeyResult)) {
				// Aligned to a key result of another objective than parentId: find its owner (rare; built once).
				if (objectiveOfKeyResult == null) {
					objectiveOfKeyResult = objectiveOfKeyResult();
				}
				parent = objectiveOfKeyResult.getOrDefault(viaKeyResult, node.parentId());
			}
			if (parent != null && !parent.equals(node.id())) {
				children.computeIfAbsent(parent, k -> new ArrayList<>()).add(node.id());
			}
		}
		return children;
	}

	private static boolean ownsKeyResult(ObjectiveNode node, UUID keyResultId) {
		if (node != null) {
			for (ObjectiveNode.EvaluatedKeyResult kr : node.keyResults()) {
				if (kr.id().equals(keyResultId)) {
					return true;
				}
			}
		}
		return false;
	}

	private Map<UUID, UUID> objectiveOfKeyResult() {
		Map<UUID, UUID> owners = new HashMap<>();
		for (ObjectiveNode node : nodes.values()) {
			for (ObjectiveNode.EvaluatedKeyResult kr : node.keyResults()) {
				owners.put(kr.id(), node.id());
			}
		}
		return owners;
	}

	public Evaluation evaluate(UUID objectiveId) {
		Evaluation done = evaluated.get(objectiveId);
		if (done != null) {
			return done;
		}
		ObjectiveNode node = nodes.get(objectiveId);
		boolean rollsUp = node != null && node.keyResults().isEmpty();
		if (node == null || rollsUp && !inProgress.add(objectiveId)) {
			// Unknown, or an alignment loop: contributes nothing rather than recursing forever.
			return new Evaluation(0, 0, Status.OFF_TRACK, 0);
		}
		double[] progressAndScore = rollsUp ? meanOfChildren(objectiveId) : weightedMean(node);
		double expected = ExpectedProgress.forType(ExpectedProgress.at(at, node.cycle().start(), windowEnd(node)),
				node.type());
		boolean doneMayBeDeclared = !hasThreshold(node) || node.cycle().hasEndedAt(at);
		Status status = StatusRule.of(progressAndScore[0], expected, doneMayBeDeclared);
		Evaluation evaluation = new Evaluation(progressAndScore[0], expected, status, progressAndScore[1]);
		if (rollsUp) {
			inProgress.remove(objectiveId);
		}
		evaluated.put(objectiveId, evaluation);
		return evaluation;
	}

	/** The objective's window runs from its cycle's start to its latest key result due date (or the cycle end). */
	static LocalDate windowEnd(ObjectiveNode node) {
		LocalDate end = null;
		for (ObjectiveNode.EvaluatedKeyResult kr : node.keyResults()) {
			LocalDate due = kr.definition().dueDate();
			if (end == null || due.isAfter(end)) {
				end = due;
			}
		}
		return end != null ? end : node.cycle().end();
	}

	private static boolean hasThreshold(ObjectiveNode node) {
		for (ObjectiveNode.EvaluatedKeyResult kr : node.keyResults()) {
			if (kr.definition().type() == KeyResultType.THRESHOLD) {
				return true;
			}
		}
		return false;
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
		List<UUID> aligned = children().getOrDefault(objectiveId, List.of());
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
