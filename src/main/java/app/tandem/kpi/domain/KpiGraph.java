package app.tandem.kpi.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The references between formula KPIs, which must never go round in a circle (SPEC §1). */
public final class KpiGraph {

	private KpiGraph() {
	}

	/**
	 * The cycle that saving {@code key} with {@code references} would close, as the path of keys from {@code key}
	 * back to {@code key} (e.g. [a, b, a]), or an empty list when there is none. {@code formulas} maps every OTHER
	 * formula KPI's key to its references (KPIs without formula are absent or map to an empty set); an entry for
	 * {@code key} itself is ignored, as {@code references} replaces it. A self-reference gives [a, a].
	 */
	public static List<String> cycleThrough(String key, Set<String> references, Map<String, Set<String>> formulas) {
		// depth-first, with an explicit stack so that a long chain of formulas cannot overflow the call stack
		Deque<String> path = new ArrayDeque<>();
		Deque<Iterator<String>> pending = new ArrayDeque<>();
		// every key is entered once: one that did not lead back to key before will not on a second visit either
		Set<String> entered = new HashSet<>();
		path.addLast(key);
		pending.push(references.iterator());
		while (!pending.isEmpty()) {
			Iterator<String> inputs = pending.peek();
			if (!inputs.hasNext()) {
				pending.pop();
				path.removeLast();
				continue;
			}
			String input = inputs.next();
			if (input.equals(key)) {
				List<String> cycle = new ArrayList<>(path);
				cycle.add(key);
				return List.copyOf(cycle);
			}
			if (entered.add(input)) {
				path.addLast(input);
				pending.push(referencesOf(input, formulas).iterator());
			}
		}
		return List.of();
	}

	private static Set<String> referencesOf(String key, Map<String, Set<String>> formulas) {
		Set<String> references = formulas.get(key);
		return references == null ? Set.of() : references;
	}
}
