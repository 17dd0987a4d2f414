package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KpiTreeTests {

	private static KpiTree.Kpi kpi(String key, String perspective, String... inputs) {
		return new KpiTree.Kpi(key, key.toUpperCase(), "GREEN", null, perspective, List.of(inputs));
	}

	@Test
	void formulasCarryTheirInputsAndKpisCarryTheKeyResultsTheyMeasureByPerspective() {
		KpiTree tree = new KpiTree(List.of(kpi("conversion", "CUSTOMER", "customers", "leads"),
				kpi("customers", "CUSTOMER"), kpi("leads", "CUSTOMER"), kpi("margin", "FINANCIAL"), kpi("loose", null)),
				Map.of("leads", List.of(new KpiTree.KeyResult("kr1", "Win 600 leads", "o1", "ON_TRACK"))));
		List<KpiTree.Node> roots = tree.byPerspective();
		assertThat(roots).extracting(KpiTree.Node::key).containsExactly("FINANCIAL", "CUSTOMER", "");
		KpiTree.Node customer = roots.get(1);
		assertThat(customer.children()).extracting(KpiTree.Node::key).as("inputs are not roots")
			.containsExactly("conversion");
		KpiTree.Node conversion = customer.children().get(0);
		assertThat(conversion.children()).extracting(KpiTree.Node::key).containsExactly("customers", "leads");
		assertThat(conversion.children().get(1).children()).singleElement()
			.satisfies(kr -> assertThat(kr.kind()).isEqualTo(KpiTree.Kind.KEY_RESULT))
			.satisfies(kr -> assertThat(kr.label()).isEqualTo("Win 600 leads"));
		assertThat(roots.stream().mapToInt(KpiTree.Node::count).sum()).isEqualTo(3 + 5 + 1);
	}

	@Test
	void anInputOfTwoFormulasIsUnderBothAndACircleStops() {
		KpiTree tree = new KpiTree(List.of(kpi("a", "FINANCIAL", "shared"), kpi("b", "FINANCIAL", "shared"),
				kpi("shared", "FINANCIAL"), kpi("x", "INTERNAL_PROCESS", "y"), kpi("y", "INTERNAL_PROCESS", "x")), Map.of());
		assertThat(tree.around("a").children()).extracting(KpiTree.Node::key).containsExactly("shared");
		assertThat(tree.around("b").children()).extracting(KpiTree.Node::key).containsExactly("shared");
		assertThat(tree.around("x").children()).singleElement().satisfies(y -> assertThat(y.children()).isEmpty());
		assertThat(tree.around("nothing")).isNull();
	}
}
