package app.tandem.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;

/**
 * What integrations upload: measurements as CSV or JSON (SPEC: all-or-nothing per request, a row with
 * more columns than the header is that row's error), OKRs as code in YAML, and KPI formulas.
 * {@code ${recent1}}, {@code ${recent2}} are instants of the last hours, {@code ${soon}} one a minute ahead.
 */
final class Ingestion {

	record Body(String kind, String text, String contentType, Expect expect) {
	}

	private Ingestion() {
	}

	/** CSV rows for one KPI ({@code at,value}) or, with {@code kpi} non-null, for many ({@code kpi,at,value}). */
	static List<Body> csv(String kpi, Random random) {
		String head = kpi == null ? "at,value\n" : "kpi,at,value\n";
		String k = kpi == null ? "" : kpi + ",";
		List<Body> b = new ArrayList<>();
		b.add(csv("CSV: valid", head + k + "${recent1},5\n" + k + "${recent2},6\n", ANY));
		b.add(csv("CSV: unclosed quote", head + k + "\"${recent1},5\n" + k + "${recent2},6\n", REFUSED));
		b.add(csv("CSV: quote inside a cell", head + k + "${recent1},5\"5\n", REFUSED));
		b.add(csv("CSV: extra column", head + k + "${recent1},4,2\n", REFUSED));
		b.add(csv("CSV: trailing comma", head + k + "${recent1},4,\n", REFUSED));
		b.add(csv("CSV: decimal comma, quoted", head + k + "${recent1},\"4,2\"\n", REFUSED));
		b.add(csv("CSV: semicolons", head.replace(',', ';') + (kpi == null ? "" : kpi + ";") + "${recent1};4,2\n", REFUSED));
		b.add(csv("CSV: missing header", k + "${recent1},5\n", REFUSED));
		b.add(csv("CSV: wrong header", head.replace("at,value", "time,amount") + k + "${recent1},5\n", REFUSED));
		b.add(csv("CSV: header only", head, ANY));
		b.add(csv("CSV: empty", "", ANY));
		b.add(csv("CSV: byte order mark", "\ufeff" + head + k + "${recent1},5\n", ANY));
		b.add(csv("CSV: CRLF", (head + k + "${recent1},5\n").replace("\n", "\r\n"), ANY));
		b.add(csv("CSV: quoted header", head.replace("at", "\"at\"") + k + "${recent1},5\n", ANY));
		b.add(csv("CSV: blank lines", head + "\n\n" + k + "${recent1},5\n\n", ANY));
		b.add(csv("CSV: one column short", head + k + "${recent1}\n", REFUSED));
		b.add(csv("CSV: same instant twice", head + k + "${recent1},5\n" + k + "${recent1},6\n", ANY));
		for (String[] value : new String[][] { { "NaN", "value NaN" }, { "Infinity", "value Infinity" },
				{ "-Infinity", "value -Infinity" }, { "1e200", "number 1e200" }, { "-1e308", "number -1e308" },
				{ "1000000000000001", "number 1e15+1" }, { "1e400", "number 1e400 (overflows a double)" },
				{ "", "value empty" }, { "abc", "value not a number" }, { "0x10", "value hexadecimal" },
				{ "1_000", "value with an underscore" }, { "\uff15", "value fullwidth digit" },
				{ "5\u0000", "NUL character" }, { "${big:1000000}", "value of 1 MB" } }) {
			b.add(csv("CSV: " + value[1], head + k + "${recent1}," + value[0] + "\n", REFUSED));
		}
		b.add(csv("CSV: value with spaces", head + k + "${recent1}, 5 \n", ANY));
		for (String[] at : new String[][] { { "+99999-01-01T00:00:00Z", "instant +99999-01-01T00:00:00Z" },
				{ "-999999999-01-01", "date -999999999-01-01" }, { "2099-01-01T00:00:00Z", "instant in 2099" },
				{ "2026-02-30", "date that does not exist" }, { "2026-13-01T00:00:00Z", "instant that does not exist" },
				{ "yesterday", "instant not ISO" }, { "", "instant empty" }, { "${recent1}\u0000", "NUL character" } }) {
			b.add(csv("CSV: " + at[1], head + k + at[0] + ",5\n", REFUSED));
		}
		b.add(csv("CSV: a minute ahead (clock skew)", head + k + "${soon},5\n", ANY));
		StringBuilder many = new StringBuilder(head);
		int bad = 1 + random.nextInt(9_998);
		java.time.Instant first = java.time.Instant.parse("2025-01-01T00:00:00Z");
		for (int i = 0; i < 10_000; i++) {
			many.append(k).append(first.plusSeconds(60L * i)).append(i == bad ? ",oops\n" : "," + i + "\n");
		}
		b.add(csv("CSV: 10,000 rows, one bad", many.toString(), REFUSED));
		if (kpi != null) {
			b.add(csv("CSV: unknown KPI", "kpi,at,value\nnope-${n},${recent1},5\n", REFUSED));
			b.add(csv("CSV: a formula KPI's values", "kpi,at,value\n${formulaKpi},${recent1},5\n", REFUSED));
			b.add(csv("CSV: spreadsheet formula as KPI", "kpi,at,value\n=cmd|' /C calc'!A0,${recent1},5\n", REFUSED));
			b.add(csv("CSV: missing KPI column", "at,value\n${recent1},5\n", REFUSED));
			b.add(csv("CSV: KPI by id", "kpi,at,value\n${kpiId},${recent1},5\n", ANY));
		}
		return b;
	}

	/** JSON measurements: {@code [{at, value}]}, with {@code kpi} in each for the many-KPI endpoint. */
	static List<Body> json(String kpi) {
		String k = kpi == null ? "" : "\"kpi\":\"" + kpi + "\",";
		List<Body> b = new ArrayList<>();
		String row = "{" + k + "\"at\":\"${recent1}\",\"value\":5}";
		b.add(json("JSON rows: valid", "[" + row + "]", ANY));
		for (String[] value : new String[][] { { "\"NaN\"", "value \"NaN\"" }, { "\"Infinity\"", "value \"Infinity\"" },
				{ "1e200", "number 1e200" }, { "-1e308", "number -1e308" }, { "1000000000000001", "number 1e15+1" },
				{ "1e400", "number 1e400 (overflows a double)" }, { "null", "value null" }, { "{}", "value an object" },
				{ "\"abc\"", "value not a number" }, { "NaN", "NaN literal" } }) {
			b.add(json("JSON rows: " + value[1], "[{" + k + "\"at\":\"${recent1}\",\"value\":" + value[0] + "}]", REFUSED));
		}
		b.add(json("JSON rows: value as string", "[{" + k + "\"at\":\"${recent1}\",\"value\":\"5\"}]", ANY));
		for (String[] at : new String[][] { { "\"+99999-01-01T00:00:00Z\"", "instant +99999-01-01T00:00:00Z" },
				{ "\"-999999999-01-01T00:00:00Z\"", "instant -999999999-01-01T00:00:00Z" },
				{ "\"2099-01-01T00:00:00Z\"", "instant in 2099" }, { "\"2026-02-30T00:00:00Z\"", "instant that does not exist" },
				{ "null", "instant null" }, { "1700000000", "number for an instant" }, { "\"\"", "instant empty" } }) {
			Expect expect = at[0].equals("1700000000") ? ANY : REFUSED;
			b.add(json("JSON rows: " + at[1], "[{" + k + "\"at\":" + at[0] + ",\"value\":5}]", expect));
		}
		b.add(json("JSON rows: an object, not an array", row, ANY));
		b.add(json("JSON rows: empty array", "[]", ANY));
		b.add(json("JSON rows: arrays of arrays", "[[" + row + "]]", REFUSED));
		b.add(json("JSON rows: nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000), REFUSED));
		b.add(json("JSON rows: missing value", "[{" + k + "\"at\":\"${recent1}\"}]", REFUSED));
		b.add(json("JSON rows: missing instant", "[{" + k + "\"value\":5}]", REFUSED));
		b.add(json("JSON rows: unknown field", "[{" + k + "\"at\":\"${recent1}\",\"value\":5,\"nope\":1}]", ANY));
		b.add(json("JSON rows: truncated", "[" + row.substring(0, row.length() / 2), REFUSED));
		b.add(json("JSON rows: trailing garbage", "[" + row + "] xyz", REFUSED));
		StringBuilder many = new StringBuilder("[");
		for (int i = 0; i < 10_000; i++) {
			many.append(i == 0 ? "" : ",").append("{").append(k).append("\"at\":\"")
				.append(java.time.Instant.parse("2025-03-01T00:00:00Z").plusSeconds(60L * i)).append("\",\"value\":")
				.append(i == 9_999 ? "\"x\"" : Integer.toString(i)).append('}');
		}
		b.add(json("JSON rows: 10,000 rows, one bad", many.append(']').toString(), REFUSED));
		if (kpi != null) {
			b.add(json("JSON rows: unknown KPI", "[{\"kpi\":\"nope-${n}\",\"at\":\"${recent1}\",\"value\":5}]", REFUSED));
			b.add(json("JSON rows: KPI as a number", "[{\"kpi\":424242,\"at\":\"${recent1}\",\"value\":5}]", REFUSED));
		}
		return b;
	}

	/** OKRs as code: a valid file of its own (names made unique by {@code ${n}}) changed in one place each. */
	static List<Body> yaml() {
		List<Body> b = new ArrayList<>();
		b.add(yaml("YAML: valid", file("start: 1", "target: 5", "title: Grow ${n}", "value: 2", "confidence: 7",
				"at: ${recent1}", "target: 90", "start: 2042-01-01"), ANY));
		String[][] krNumbers = { { ".nan", "YAML: .nan" }, { ".inf", "YAML: .inf" }, { "-.inf", "YAML: -.inf" },
				{ "1e200", "number 1e200" }, { "1000000000000001", "number 1e15+1" }, { "\"12,5\"", "number with a decimal comma" },
				{ "abc", "text for a number" }, { "[1]", "array for a scalar" } };
		for (String[] n : krNumbers) {
			b.add(yaml(n[1].startsWith("YAML") ? n[1] : "YAML: " + n[1], file("start: " + n[0], "target: 5", "title: Grow ${n}",
					"value: 2", "confidence: 7", "at: ${recent1}", "target: 90", "start: 2042-01-01"), REFUSED));
			b.add(yaml((n[1].startsWith("YAML") ? n[1] : "YAML: " + n[1]) + " (check-in value)", file("start: 1", "target: 5",
					"title: Grow ${n}", "value: " + n[0], "confidence: 7", "at: ${recent1}", "target: 90", "start: 2042-01-01"),
					REFUSED));
			b.add(yaml((n[1].startsWith("YAML") ? n[1] : "YAML: " + n[1]) + " (KPI target)", file("start: 1", "target: 5",
					"title: Grow ${n}", "value: 2", "confidence: 7", "at: ${recent1}", "target: " + n[0], "start: 2042-01-01"),
					REFUSED));
		}
		b.add(yaml("YAML: confidence 5.5", base().replace("confidence: 7", "confidence: 5.5"), REFUSED));
		b.add(yaml("YAML: confidence 11", base().replace("confidence: 7", "confidence: 11"), REFUSED));
		b.add(yaml("YAML: weight 1e308", base().replace("weight: 1", "weight: 1e308"), REFUSED));
		b.add(yaml("YAML: weight 0", base().replace("weight: 1", "weight: 0"), REFUSED));
		b.add(yaml("YAML: check-in at +99999-01-01T00:00:00Z", base().replace("at: ${recent1}", "at: +99999-01-01T00:00:00Z"),
				REFUSED));
		b.add(yaml("YAML: check-in in 2099", base().replace("at: ${recent1}", "at: 2099-01-01T00:00:00Z"), REFUSED));
		b.add(yaml("YAML: date that does not exist", base().replace("start: 2042-01-01", "start: 2042-02-30"), REFUSED));
		b.add(yaml("YAML: date +99999-01-01", base().replace("end: 2042-03-31", "end: +99999-01-01"), ANY));
		b.add(yaml("YAML: NUL character", base().replace("title: Grow ${n}", "title: \"Grow\\0 ${n}\""), REFUSED));
		b.add(yaml("YAML: control characters", base().replace("title: Grow ${n}", "title: \"Grow\\x07\\e ${n}\""), REFUSED));
		b.add(yaml("YAML: scalar of 1 MB", base().replace("title: Grow ${n}", "title: ${big:1000000}"), REFUSED));
		b.add(yaml("YAML: scalar of 100,001 characters", base().replace("title: Grow ${n}", "title: ${big:100001}"), REFUSED));
		b.add(yaml("YAML: alias bomb", bomb(), REFUSED));
		b.add(yaml("YAML: alias to nothing", base().replace("title: Grow ${n}", "title: *nothing"), REFUSED));
		b.add(yaml("YAML: merge key", base().replace("    level: TEAM", "    <<: {level: TEAM}"), ANY));
		b.add(yaml("YAML: flow nesting 10,000 deep", "objectives: " + "[".repeat(10_000) + "]".repeat(10_000), REFUSED));
		StringBuilder block = new StringBuilder("teams:\n");
		for (int i = 0; i < 1_000; i++) {
			block.append(" ".repeat(i + 2)).append("- a:\n");
		}
		b.add(yaml("YAML: block nesting 1,000 deep", block.toString(), REFUSED));
		b.add(yaml("YAML: duplicate keys", base().replace("title: Grow ${n}", "title: Grow ${n}\n    title: Again"), ANY));
		StringBuilder dups = new StringBuilder("organisation: Corpus\n");
		for (int i = 0; i < 20_000; i++) {
			dups.append("organisation: Corpus ").append(i).append('\n');
		}
		b.add(yaml("YAML: 20,000 lines of duplicate keys", dups.toString(), ANY));
		b.add(yaml("YAML: version directive 9.9", "%YAML 9.9\n---\n" + base(), REFUSED));
		b.add(yaml("YAML: Java type tag", base().replace("title: Grow ${n}", "title: !!java.net.URL [\"http://x\"]"), REFUSED));
		b.add(yaml("YAML: binary tag", base().replace("title: Grow ${n}", "title: !!binary AAEC"), ANY));
		b.add(yaml("YAML: two documents", base() + "---\n" + base(), ANY));
		b.add(yaml("YAML: tab indentation", base().replace("    title:", "\ttitle:"), REFUSED));
		b.add(yaml("YAML: empty", "", REFUSED));
		b.add(yaml("YAML: only a comment", "# nothing\n", REFUSED));
		b.add(yaml("YAML: a scalar", "hello", REFUSED));
		b.add(yaml("YAML: a list", "- a\n- b\n", REFUSED));
		b.add(yaml("YAML: unknown top-level key", base() + "colour: blue\n", REFUSED));
		b.add(yaml("YAML: unknown enum value", base().replace("level: TEAM", "level: SQUAD"), REFUSED));
		b.add(yaml("YAML: formula unbalanced", base().replace("    target: 90", "    target: 90\n    formula: \"({corpus-visits}\""),
				REFUSED));
		b.add(yaml("YAML: formula refers to itself",
				base().replace("    target: 90", "    target: 90\n    formula: \"{corpus-yaml-${n}} + 1\""), REFUSED));
		b.add(yaml("YAML: team parent loop", base().replace("  - {key: corpus-y${n}, name: Corpus YAML ${n}}",
				"  - {key: corpus-y${n}, name: Corpus YAML ${n}, parent: corpus-z${n}}\n"
						+ "  - {key: corpus-z${n}, name: Corpus Z ${n}, parent: corpus-y${n}}"), REFUSED));
		b.add(yaml("YAML: byte order mark", "\ufeff" + base(), ANY));
		b.add(yaml("YAML: CRLF", base().replace("\n", "\r\n"), ANY));
		b.add(yaml("YAML: JSON document", "{\"organisation\": \"Corpus\"}", ANY));
		b.add(yaml("YAML: invalid syntax", "teams:\n  - {key: a, name: [unclosed\n", REFUSED));
		return b;
	}

	static String base() {
		return file("start: 1", "target: 5", "title: Grow ${n}", "value: 2", "confidence: 7", "at: ${recent1}",
				"target: 90", "start: 2042-01-01");
	}

	private static String file(String krStart, String krTarget, String title, String value, String confidence, String at,
			String kpiTarget, String cycleStart) {
		return """
				teams:
				  - {key: corpus-y${n}, name: Corpus YAML ${n}}
				cycles:
				  - {name: Corpus YAML ${n}, %s, end: 2042-03-31}
				kpis:
				  - key: corpus-yaml-${n}
				    name: Corpus YAML KPI ${n}
				    direction: HIGHER_IS_BETTER
				    %s
				    warningThreshold: 80
				    frequency: WEEKLY
				    aggregation: LAST
				    team: corpus-y${n}
				objectives:
				  - key: corpus-yaml-o${n}
				    cycle: Corpus YAML ${n}
				    level: TEAM
				    team: corpus-y${n}
				    %s
				    keyResults:
				      - title: Up
				        type: INCREASE
				        weight: 1
				        %s
				        %s
				        checkIns:
				          - {%s, %s, %s}
				""".formatted(cycleStart, kpiTarget, title, krStart, krTarget, at, value, confidence);
	}

	/** Nine levels of ten aliases each: a billion "lol"s if expanded. */
	private static String bomb() {
		StringBuilder s = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'i'; c++) {
			String prev = "*" + (char) (c - 1);
			s.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, prev)))
				.append("]\n");
		}
		return s.toString();
	}

	/** Formulas for a KPI's {@code formula} field; {@code self} is the key of the KPI it is set on. */
	static List<Body> formulas(String self) {
		List<Body> b = new ArrayList<>();
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
			b.add(new Body(f[1], f[0], null, REFUSED));
		}
		String[][] open = { { "1 / 0", "formula: division by zero" }, { "--1", "formula: double minus" },
				{ "", "formula: empty" }, { "1e15 * 1e15", "formula: a product beyond 1e15" },
				{ "{corpus-ratio} + 1", "formula: on a formula KPI" } };
		for (String[] f : open) {
			b.add(new Body(f[1], f[0], null, ANY));
		}
		return b;
	}

	private static Body csv(String kind, String text, Expect expect) {
		return new Body(kind, text, "text/csv", expect);
	}

	private static Body json(String kind, String text, Expect expect) {
		return new Body(kind, text, "application/json", expect);
	}

	private static Body yaml(String kind, String text, Expect expect) {
		return new Body(kind, text, "application/yaml", expect);
	}
}
