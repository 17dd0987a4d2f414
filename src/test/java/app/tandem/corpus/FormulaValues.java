package app.tandem.corpus;

import java.util.ArrayList;
import java.util.List;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;

/** Formulas for a KPI's {@code formula} field (SPEC: braces, numbers, + - * /, parentheses, unary minus). */
final class FormulaValues {

	private FormulaValues() {
	}

	/** Formulas for a KPI's {@code formula} field; {@code self} is the key of the KPI it is set on. */
	static List<Upload> of(String self) {
		List<Upload> b = new ArrayList<>();
		String[][] refused = { { "({corpus-visits} + 1", "formula: unbalanced (" }, { "{corpus-visits} + 1)", "formula: unbalanced )" },
				{ "{corpus-visits", "formula: unclosed {" }, { "sqrt({corpus-visits})", "formula: unknown function" },
				{ "max({corpus-visits}, 1)", "formula: unknown function" }, { "{nope-key} * 2", "formula: unknown key" },
				{ "{" + self + "} + 1", "formula: refers to itself" }, { "+-*/", "formula: operators only" },
				{ "{}", "formula: empty key" }, { "1 +", "formula: ends early" },
				{ "{corpus-visits} {corpus-signups}", "formula: two keys without an operator" },
				{ "NaN", "formula: NaN" }, { "1e400", "formula: number 1e400" }, { "{\u00e7\u00f8rpus}", "formula: unicode key" },
				{ "{corpus-visits}\\u0000", "formula: NUL character" }, { "{corpus-visits} % 2", "formula: unknown operator" },
				{ "(".repeat(10_000) + "1" + ")".repeat(10_000), "formula: parentheses 10,000 deep" },
				{ "-".repeat(10_000) + "1", "formula: 10,000 unary minuses" },
				{ "{corpus-visits}+".repeat(10_000) + "1", "formula: 160,000 characters" },
				{ "1+".repeat(1_000) + "1", "formula: 2,001 characters" }, { "${big:1000000}", "formula: 1 MB" } };
		for (String[] f : refused) {
			b.add(new Upload(f[1], f[0], null, REFUSED));
		}
		String[][] open = { { "1 / 0", "formula: division by zero" }, { "--1", "formula: double minus" },
				{ "", "formula: empty" }, { "1e15 * 1e15", "formula: a product beyond 1e15" },
				{ "{corpus-ratio} + 1", "formula: on a formula KPI" } };
		for (String[] f : open) {
			b.add(new Upload(f[1], f[0], null, ANY));
		}
		return b;
	}
}
