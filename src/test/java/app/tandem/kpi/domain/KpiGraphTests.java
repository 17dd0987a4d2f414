package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

class KpiGraphTests {

	@Test
	void twoFormulasReferringToEachOtherAreRefusedWithTheirPath() {
		assertThat(KpiGraph.cycleThrough("a", Set.of("b"), Map.of("b", Set.of("a")))).containsExactly("a", "b", "a");
	}

	@Test
	void formulaReferringToItselfIsRefused() {
		assertThat(KpiGraph.cycleThrough("a", Set.of("a"), Map.of())).containsExactly("a", "a");
	}

	@Test
	void longerChainBackToTheKeyIsRefusedWithTheWholePath() {
		Map<String, Set<String>> formulas = Map.of("b", Set.of("c"), "c", Set.of("d"), "d", Set.of("a"));

		assertThat(KpiGraph.cycleThrough("a", Set.of("b"), formulas)).containsExactly("a", "b", "c", "d", "a");
	}

	@Test
	void pathLeadsThroughTheReferenceThatClosesTheCycle() {
		Map<String, Set<String>> formulas = Map.of("b", Set.of("x"), "c", Set.of("d"), "d", Set.of("a"));

		assertThat(KpiGraph.cycleThrough("a", ordered("b", "c"), formulas)).containsExactly("a", "c", "d", "a");
	}

	@Test
	void chainEndingInAKpiWithoutFormulaIsFine() {
		Map<String, Set<String>> formulas = Map.of("b", Set.of("c"), "c", Set.of("d"));

		assertThat(KpiGraph.cycleThrough("a", Set.of("b"), formulas)).isEmpty();
	}

	@Test
	void referenceToAKpiWithoutFormulaEndsTheSearch() {
		assertThat(KpiGraph.cycleThrough("a", Set.of("x"), Map.of())).isEmpty();
		assertThat(KpiGraph.cycleThrough("a", Set.of("x"), Map.of("x", Set.of()))).isEmpty();
	}

	@Test
	void formulaWithoutReferencesClosesNoCycle() {
		assertThat(KpiGraph.cycleThrough("a", Set.of(), Map.of("b", Set.of("a")))).isEmpty();
	}

	@Test
	void diamondWithoutCycleIsFine() {
		Map<String, Set<String>> formulas = Map.of("b", Set.of("d"), "c", Set.of("d"), "d", Set.of("x", "y"));

		assertThat(KpiGraph.cycleThrough("a", ordered("b", "c"), formulas)).isEmpty();
	}

	@Test
	void diamondWhoseJoinLeadsBackIsRefused() {
		Map<String, Set<String>> formulas = Map.of("b", Set.of("d"), "c", Set.of("d"), "d", Set.of("a"));

		assertThat(KpiGraph.cycleThrough("a", ordered("b", "c"), formulas)).containsExactly("a", "b", "d", "a");
	}

	@Test
	@Timeout(value = 5, threadMode = ThreadMode.SEPARATE_THREAD)
	void cycleAmongOtherFormulasIsNotTheKeysConcern() {
		Map<String, Set<String>> formulas = Map.of("b", Set.of("c"), "c", Set.of("b"));

		assertThat(KpiGraph.cycleThrough("a", Set.of("b"), formulas)).isEmpty();
	}

	@Test
	void newReferencesReplaceTheKeysOwnEntry() {
		Map<String, Set<String>> stale = Map.of("a", Set.of("b"), "b", Set.of("a"));

		assertThat(KpiGraph.cycleThrough("a", Set.of("x"), stale)).isEmpty();
		assertThat(KpiGraph.cycleThrough("a", Set.of("b"), Map.of("a", Set.of(), "b", Set.of("a"))))
			.containsExactly("a", "b", "a");
	}

	@Test
	void longChainIsFollowedWithoutOverflowingTheStack() {
		int length = 100_000;
		Map<String, Set<String>> formulas = new HashMap<>();
		for (int i = 1; i < length; i++) {
			formulas.put("k" + i, Set.of("k" + (i + 1)));
		}
		formulas.put("k" + length, Set.of("a"));

		List<String> cycle = KpiGraph.cycleThrough("a", Set.of("k1"), formulas);

		assertThat(cycle).hasSize(length + 2).startsWith("a", "k1", "k2").endsWith("k" + length, "a");
	}

	@Test
	@Timeout(value = 5, threadMode = ThreadMode.SEPARATE_THREAD)
	void widelySharedInputsAreVisitedOnce() {
		// every layer references every key of the next: without remembering visited keys, 30^10 paths
		Map<String, Set<String>> formulas = new HashMap<>();
		for (int layer = 0; layer < 10; layer++) {
			Set<String> next = new LinkedHashSet<>();
			for (int i = 0; i < 30; i++) {
				next.add("l" + (layer + 1) + "-" + i);
			}
			for (int i = 0; i < 30; i++) {
				formulas.put("l" + layer + "-" + i, next);
			}
		}

		assertThat(KpiGraph.cycleThrough("a", Set.of("l0-0"), formulas)).isEmpty();
	}

	private static Set<String> ordered(String... keys) {
		return new LinkedHashSet<>(List.of(keys));
	}
}
