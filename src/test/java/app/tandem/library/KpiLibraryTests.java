package app.tandem.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** The library file as shipped: every entry valid by the KPI module's rules, a real spread, no dangling reference. */
class KpiLibraryTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	private final List<LibraryKpi> entries = KpiLibrary.read();

	@Test
	void theShippedLibraryHasNoProblem() {
		assertThat(KpiLibraryCheck.problems(entries, VALIDATOR)).isEmpty();
		new KpiLibrary(entries, VALIDATOR);
	}

	@Test
	void itHoldsAtLeastThirtyKpisAcrossEveryFunctionAndPerspective() {
		assertThat(entries).hasSizeGreaterThanOrEqualTo(30);
		Map<String, Long> perFunction = entries.stream()
			.collect(Collectors.groupingBy(LibraryKpi::function, Collectors.counting()));
		assertThat(perFunction.keySet()).containsExactlyInAnyOrderElementsOf(LibraryKpi.FUNCTIONS);
		assertThat(perFunction.values()).allMatch(n -> n >= 4);
		Map<String, Long> perPerspective = entries.stream()
			.collect(Collectors.groupingBy(LibraryKpi::perspective, Collectors.counting()));
		assertThat(perPerspective.keySet()).containsExactlyInAnyOrder("FINANCIAL", "CUSTOMER", "INTERNAL_PROCESS",
				"LEARNING_AND_GROWTH");
		assertThat(perPerspective.values()).allMatch(n -> n >= 4);
		assertThat(entries).extracting(LibraryKpi::indicator).contains("LEADING", "LAGGING");
		assertThat(entries).extracting(LibraryKpi::direction).contains("HIGHER_IS_BETTER", "LOWER_IS_BETTER",
				"WITHIN_RANGE");
	}

	@Test
	void formulasUseLibraryKeysOnlyAndSomeChainThroughOtherFormulas() {
		Map<String, LibraryKpi> byKey = entries.stream().collect(Collectors.toMap(LibraryKpi::key, Function.identity()));
		List<LibraryKpi> formulas = entries.stream().filter(k -> k.formula() != null).toList();
		assertThat(formulas).hasSizeGreaterThanOrEqualTo(10);
		formulas.forEach(k -> assertThat(byKey.keySet()).as(k.key()).containsAll(k.inputs()));
		assertThat(byKey.get("customer-acquisition-cost").inputs()).containsExactly("marketing-spend", "new-customers");
		assertThat(byKey.get("ltv-to-cac-ratio").inputs()).allMatch(input -> byKey.get(input).formula() != null);
	}

	@Test
	void vanityMetricsAreTotalsWithABetterAlternativeInTheLibrary() {
		List<LibraryKpi> vanity = entries.stream().filter(LibraryKpi::vanity).toList();
		assertThat(vanity).hasSizeGreaterThanOrEqualTo(3);
		Set<String> keys = entries.stream().map(LibraryKpi::key).collect(Collectors.toSet());
		vanity.forEach(k -> {
			assertThat(k.formula()).as(k.key()).isNull();
			assertThat(keys).as(k.key()).contains(k.betterAlternative());
		});
	}

	@Test
	void everyEntryHasGermanTexts() {
		entries.forEach(k -> assertThat(k.de()).as(k.key()).isNotNull()
			.satisfies(de -> assertThat(List.of(de.name(), de.definition(), de.why())).allMatch(t -> !t.isBlank())));
	}

	@Test
	void aBrokenEntryIsNamedWithEachProblem() {
		List<LibraryKpi> broken = new ArrayList<>(entries);
		LibraryKpi nps = entries.stream().filter(k -> k.key().equals("nps")).findFirst().orElseThrow();
		broken.add(copy(nps, "bad-rate", "SIDEWAYS", 10.0, 20.0, "{bad-rate} / {nowhere}", true, "total-page-views"));
		broken.add(copy(nps, "loop-a", "HIGHER_IS_BETTER", 10.0, 5.0, "{loop-b} * 2", false, null));
		broken.add(copy(nps, "loop-b", "HIGHER_IS_BETTER", 10.0, 5.0, "{loop-a} / 2", false, null));
		broken.add(copy(nps, "nps", "HIGHER_IS_BETTER", 10.0, 20.0, null, false, null));
		List<String> problems = KpiLibraryCheck.problems(broken, VALIDATOR);
		assertThat(problems).anyMatch(p -> p.startsWith("bad-rate: direction must be one of"))
			.anyMatch(p -> p.equals("bad-rate: the formula uses {nowhere}, which is not in the library"))
			.anyMatch(p -> p.startsWith("bad-rate: the formula makes a cycle"))
			.anyMatch(p -> p.equals("bad-rate: a vanity metric is a total, not a formula"))
			.anyMatch(p -> p.equals("bad-rate: betterAlternative total-page-views is a vanity metric itself"))
			.anyMatch(p -> p.startsWith("loop-a: the formula makes a cycle: loop-a → loop-b → loop-a"))
			.anyMatch(p -> p.equals("nps: the key is used twice"))
			.anyMatch(p -> p.startsWith("nps: warningThreshold must not be above the target"));
		assertThatThrownBy(() -> new KpiLibrary(broken, VALIDATOR)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("loop-b");
	}

	private static LibraryKpi copy(LibraryKpi k, String key, String direction, Double target, Double warning,
			String formula, boolean vanity, String alternative) {
		return new LibraryKpi(key, k.name(), k.function(), k.definition(), k.why(), k.dataSource(), k.unit(), direction,
				k.frequency(), k.indicator(), k.perspective(), k.aggregation(), target, warning, null, null, null,
				formula, vanity, alternative, k.de());
	}
}
