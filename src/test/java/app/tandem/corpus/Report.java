package app.tandem.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The corpus's answers counted, and its failures grouped by cause (check and kind of probe). */
final class Report {

	/** The findings of one check on one kind of probe: one cause, usually, across operations. */
	record Group(Check check, String kind, List<Runner.Finding> findings, KnownDefects.Known known) {

		String describe(long seed) {
			Runner.Finding e = findings.get(0);
			Set<Integer> statuses = findings.stream().map(Runner.Finding::status).collect(Collectors.toCollection(TreeSet::new));
			Set<String> operations = findings.stream().map(f -> f.probe().operation())
				.collect(Collectors.toCollection(TreeSet::new));
			String ops = operations.stream().limit(3).collect(Collectors.joining(", "))
					+ (operations.size() > 3 ? ", … (" + operations.size() + " operations)" : "");
			Probe p = e.probe();
			String body = p.raw() != null ? "(" + p.raw().length + " bytes)" : p.body() == null ? "" : Runner.excerpt(p.body());
			return "[" + check + "] " + kind + (known == null ? "" : "  (" + (known.item().startsWith("NEW") ? ""
					: "issue item ") + known.item() + ")") + ": "
					+ findings.size() + " × " + statuses + " in " + ops + "\n    e.g. " + p.id() + " (seed " + seed + ") "
					+ p.method() + " " + p.path() + " " + p.describe().replace(p.kind(), "").strip() + " "
					+ (p.headers().isEmpty() ? "" : p.headers().toString().replaceAll("(Authorization=\\w+ )[^,}]{40,}", "$1…")
							+ " ")
					+ (body.length() > 160 ? body.substring(0, 160) + "…" : body) + "\n    → " + e.status() + " "
					+ (e.note().isEmpty() ? "" : "{" + e.note() + "} ") + e.excerpt();
		}
	}

	private Report() {
	}

	static List<Group> groups(List<Runner.Finding> findings, String database) {
		Map<String, List<Runner.Finding>> byCause = new LinkedHashMap<>();
		for (Runner.Finding f : findings) {
			byCause.computeIfAbsent(f.check() + "\u0000" + f.probe().kind(), k -> new ArrayList<>()).add(f);
		}
		List<Group> groups = new ArrayList<>();
		byCause.values().forEach(list -> {
			Runner.Finding first = list.get(0);
			// One group per known entry it matches, the rest as unknown.
			Map<KnownDefects.Known, List<Runner.Finding>> split = new LinkedHashMap<>();
			List<Runner.Finding> unknown = new ArrayList<>();
			for (Runner.Finding f : list) {
				KnownDefects.Known known = KnownDefects.LIST.stream().filter(k -> k.matches(f, database)).findFirst()
					.orElse(null);
				if (known == null) {
					unknown.add(f);
				}
				else {
					split.computeIfAbsent(known, k -> new ArrayList<>()).add(f);
				}
			}
			split.forEach((known, fs) -> groups.add(new Group(first.check(), first.probe().kind(), fs, known)));
			if (!unknown.isEmpty()) {
				groups.add(new Group(first.check(), first.probe().kind(), unknown, null));
			}
		});
		groups.sort(Comparator.comparing(Group::check).thenComparing(g -> -g.findings().size()));
		return groups;
	}

	/** What target/corpus-summary.txt holds: the counts, every failing and known group, the counts per operation. */
	static String summary(String database, long seed, List<Probe> probes, long seconds, Runner runner, String comparison,
			List<Group> failing, List<Group> known, List<KnownDefects.Known> unseen) {
		StringBuilder s = new StringBuilder();
		s.append("Malformed-request corpus on ").append(database).append(": ").append(probes.size())
			.append(" requests over ").append(probes.stream().map(Probe::operation).distinct().count())
			.append(" operations, seed ").append(seed).append(" (-Dtandem.corpus.seed=").append(seed).append("), ")
			.append(seconds).append(" s (").append(runner.cpuSeconds).append(" s of CPU in this JVM)\n");
		s.append("By status: ").append(counts(runner.outcomes)).append('\n');
		s.append("By kind: ").append(byCategory(probes)).append('\n');
		s.append("Time: fixture ").append(runner.fixtureSeconds).append(" s, with api-docs and the generation ")
			.append(runner.setUpSeconds).append(" s, requests ").append(runner.outcomes.stream().mapToLong(Runner.Outcome::millis).sum() / 1000)
			.append(" s, ").append(runner.fingerprints).append(" fingerprints ").append(runner.fingerprintNanos / 1_000_000_000)
			.append(" s; slowest ")
			.append(runner.outcomes.stream().sorted(Comparator.comparingLong(Runner.Outcome::millis).reversed()).limit(3)
				.map(o -> o.probe().id() + " " + o.probe().kind() + " " + o.millis() + " ms")
				.collect(Collectors.joining(", ")))
			.append('\n');
		s.append("Rows at the end: ").append(runner.end.entrySet().stream()
			.map(e -> e.getKey() + " " + e.getValue().substring(0, e.getValue().indexOf(':')))
			.collect(Collectors.joining(", "))).append('\n');
		s.append("Databases: ").append(comparison).append("\n\n");
		s.append(failing.size()).append(" failing groups:\n");
		failing.forEach(g -> s.append(g.describe(seed)).append('\n'));
		s.append('\n').append(known.size()).append(" known groups (KnownDefects):\n");
		known.forEach(g -> s.append(g.describe(seed)).append(g.known().note().isEmpty() ? "" : "\n    cause: " + g.known().note())
			.append('\n'));
		if (!unseen.isEmpty()) {
			s.append("\nKnown defects no longer seen (remove them from KnownDefects):\n");
			unseen.forEach(k -> s.append("  ").append(k.describe()).append('\n'));
		}
		s.append("\nBy operation:\n").append(byOperation(runner.outcomes));
		return s.toString();
	}

	/** For the build's log: the summary without the known groups' examples and the per-operation table. */
	static String shortSummary(String summary, List<Group> known) {
		String head = summary.substring(0, summary.indexOf("\n" + known.size() + " known groups"));
		return head + "\n" + known.size() + " known groups (details in target/corpus-summary.txt): "
				+ known.stream().map(g -> g.known().item() + " " + g.check() + " " + g.kind())
					.collect(Collectors.joining("; "));
	}

	private static String byCategory(List<Probe> probes) {
		Map<String, Integer> counts = new TreeMap<>();
		probes.forEach(p -> counts.merge(p.kind().contains(":") ? p.kind().substring(0, p.kind().indexOf(':'))
				: p.kind().startsWith("formula") ? "formula" : p.kind(), 1, Integer::sum));
		return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
	}

	static String counts(List<Runner.Outcome> outcomes) {
		Map<Integer, Integer> byStatus = new TreeMap<>();
		outcomes.forEach(o -> byStatus.merge(o.status(), 1, Integer::sum));
		return byStatus.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
	}

	static String byOperation(List<Runner.Outcome> outcomes) {
		Map<String, Map<Integer, Integer>> table = new TreeMap<>();
		outcomes.forEach(o -> table.computeIfAbsent(o.probe().operation(), k -> new TreeMap<>()).merge(o.status(), 1,
				Integer::sum));
		StringBuilder text = new StringBuilder();
		table.forEach((op, statuses) -> text.append("  ").append(op).append(": ")
			.append(statuses.values().stream().mapToInt(Integer::intValue).sum()).append(" (")
			.append(statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" ")))
			.append(")\n"));
		return text.toString();
	}
}
