package app.tandem.corpus;

import java.util.ArrayList;
import java.util.List;

import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;

/** OKRs as code: a valid file of its own (its names made unique by {@code ${n}}) changed in one place each. */
final class OkrFileBodies {

	private OkrFileBodies() {
	}

	static String valid() {
		return base();
	}

	static List<Upload> all() {
		List<Upload> b = new ArrayList<>();
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

	private static String base() {
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

	private static Upload yaml(String kind, String text, Expect expect) {
		return new Upload(kind, text, "application/yaml", expect);
	}
}
