package app.tandem.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Finding#inOrder} leaves findings exactly as sorting by {@link Finding#ORDER} does: the same findings in
 * the same places, ties (same severity, subject and rule) kept in the order they came.
 */
class FindingOrderTests {

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 42, 2026, 90210 })
	void putsFindingsInTheOrderSortingByOrderGives(long seed) {
		Random random = new Random(seed);
		List<Finding> findings = new ArrayList<>();
		int count = random.nextInt(3_000);
		for (int i = 0; i < count; i++) {
			findings.add(randomFinding(random, i));
		}

		List<Finding> sorted = new ArrayList<>(findings);
		sorted.sort(Finding.ORDER);
		List<Finding> inOrder = Finding.inOrder(findings);

		assertThat(inOrder).hasSameSizeAs(sorted);
		for (int i = 0; i < sorted.size(); i++) {
			assertThat(inOrder.get(i)).as("finding %d of %d", i, sorted.size()).isSameAs(sorted.get(i));
		}
	}

	/** Few subjects and rules, some subjects missing (a cycle's findings), so that ties happen. */
	private static Finding randomFinding(Random random, int i) {
		Finding.Severity severity = Finding.Severity.values()[random.nextInt(Finding.Severity.values().length)];
		Finding.SubjectType type = Finding.SubjectType.values()[random.nextInt(Finding.SubjectType.values().length)];
		String subject = random.nextInt(20) == 0 ? null : "0190-" + Integer.toHexString(random.nextInt(200));
		String rule = "OKR-00" + random.nextInt(4);
		return new Finding(rule, severity, type, subject, "finding " + i, "hint");
	}
}
