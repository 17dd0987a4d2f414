package app.tandem.kpi.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPI tree of an organisation, as a drawing and a list show it: by perspective, each KPI that no formula uses
 * at the top, under it the KPIs its formula is made of (again and again), and under each KPI the key results it
 * measures. A KPI that feeds two formulas appears under both. A formula that names itself through others (which
 * the catalogue refuses, but a restore could bring) stops where it would repeat.
 */
public final class KpiTree {

	/** A KPI as the tree needs it: {@code inputs} are the keys its formula names (none without one). */
	public record Kpi(String key, String name, String status, String indicator, String perspective,
			List<String> inputs) {
	}

	/** A key result a KPI measures. */
	public record KeyResult(String id, String title, String objectiveId, String status) {
	}

	public enum Kind {
		PERSPECTIVE, KPI, KEY_RESULT
	}

	/**
	 * One node: {@code key} is the KPI's key, the key result's id or the perspective's name ("" for none);
	 * {@code status} the KPI's or key result's; {@code indicator} LEADING, LAGGING or null.
	 */
	public record Node(Kind kind, String key, String label, String status, String indicator, String objectiveId,
			List<Node> children) {

		public int count() {
			return 1 + children.stream().mapToInt(Node::count).sum();
		}

		public int leaves() {
			return children.isEmpty() ? 1 : children.stream().mapToInt(Node::leaves).sum();
		}
	}

	/** The perspectives in the order a balanced scorecard reads them; KPIs without one come last. */
	private static final List<String> PERSPECTIVES = List.of("FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS",
			"LEARNING_AND_GROWTH", "");

	private final Map<String, Kpi> byKey = new LinkedHashMap<>();

	private final Map<String, List<KeyResult>> keyResults;

	public KpiTree(List<Kpi> kpis, Map<String, List<KeyResult>> keyResultsByKpi) {
		kpis.stream().sorted(Comparator.comparing(Kpi::name, String.CASE_INSENSITIVE_ORDER))
			.forEach(k -> byKey.put(k.key(), k));
		this.keyResults = keyResultsByKpi;
	}

	/** The whole organisation's tree: one node per perspective that has KPIs, in the scorecard's order. */
	public List<Node> byPerspective() {
		Set<String> used = new HashSet<>();
		byKey.values().forEach(k -> used.addAll(k.inputs()));
		Map<String, List<Node>> groups = new LinkedHashMap<>();
		PERSPECTIVES.forEach(p -> groups.put(p, new ArrayList<>()));
		for (Kpi kpi : byKey.values()) {
			if (!used.contains(kpi.key())) {
				String perspective = kpi.perspective() == null || !groups.containsKey(kpi.perspective()) ? ""
						: kpi.perspective();
				groups.get(perspective).add(node(kpi, new HashSet<>()));
			}
		}
		List<Node> roots = new ArrayList<>();
		groups.forEach((perspective, nodes) -> {
			if (!nodes.isEmpty()) {
				roots.add(new Node(Kind.PERSPECTIVE, perspective, perspective, null, null, null, nodes));
			}
		});
		return roots;
	}

	/** One KPI with what it is made of and the key results it measures (null for a key there is not). */
	public Node around(String key) {
		Kpi kpi = byKey.get(key);
		return kpi == null ? null : node(kpi, new HashSet<>());
	}

	private Node node(Kpi kpi, Set<String> path) {
		path.add(kpi.key());
		List<Node> children = new ArrayList<>();
		for (String input : kpi.inputs()) {
			Kpi part = byKey.get(input);
			if (part != null && !path.contains(input)) {
				children.add(node(part, new HashSet<>(path)));
			}
		}
		for (KeyResult kr : keyResults.getOrDefault(kpi.key(), List.of())) {
			children.add(new Node(Kind.KEY_RESULT, kr.id(), kr.title(), kr.status(), null, kr.objectiveId(), List.of()));
		}
		return new Node(Kind.KPI, kpi.key(), kpi.name(), kpi.status(), kpi.indicator(), null, children);
	}
}
