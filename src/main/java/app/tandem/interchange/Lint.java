package app.tandem.interchange;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tandem.coach.domain.CoachThresholds;
import app.tandem.shared.Finding;
import app.tandem.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar tandem.jar lint [--format text|json] FILE.yaml…}: the coach's rules over
 * OKRs-as-code files, without a server or a database (no Spring either: it starts in well under a
 * second). Prints each finding as {@code file:line: SEVERITY RULE message}, or all of them as one
 * JSON document. Exit status: 0 without errors, 1 with an ERROR finding, 2 when a file cannot be
 * linted (missing, unreadable, not YAML, or not in the format) or the command line is wrong.
 * Thresholds come from the same settings as the server's, as environment variables
 * ({@code TANDEM_COACH_MAX_KEY_RESULTS=6}).
 */
public final class Lint {

	public static final int CLEAN = 0;

	public static final int ERRORS = 1;

	public static final int UNUSABLE = 2;

	static final String USAGE = "usage: java -jar tandem.jar lint [--format text|json] FILE.yaml...";

	private static final List<String> SETTINGS = List.of("TANDEM_COACH_MIN_KEY_RESULTS",
			"TANDEM_COACH_MAX_KEY_RESULTS", "TANDEM_COACH_MAX_KPIS_PER_TEAM", "TANDEM_COACH_MAX_MILESTONE_SHARE");

	private Lint() {
	}

	/** A finding where it is in its file. */
	record Located(String file, int line, String subject, Finding finding) {
	}

	/** Why a file could not be linted, where. */
	record Problem(String file, int line, String field, String message) {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, System.getenv(), out, err);
	}

	static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		boolean json = false;
		List<String> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--format") && i + 1 < args.length || arg.startsWith("--format=")) {
				String format = arg.startsWith("--format=") ? arg.substring(9) : args[++i];
				if (!format.equals("json") && !format.equals("text")) {
					err.println("lint: unknown format " + format + " (text or json)");
					return UNUSABLE;
				}
				json = format.equals("json");
			}
			else if (arg.equals("-h") || arg.equals("--help")) {
				out.println(USAGE);
				return CLEAN;
			}
			else if (arg.startsWith("-") && !arg.equals("-")) {
				err.println("lint: unknown option " + arg + "\n" + USAGE);
				return UNUSABLE;
			}
			else {
				files.add(arg);
			}
		}
		if (files.isEmpty()) {
			err.println(USAGE);
			return UNUSABLE;
		}
		CoachThresholds thresholds;
		try {
			thresholds = thresholds(env);
		}
		catch (IllegalArgumentException e) {
			err.println("lint: " + e.getMessage());
			return UNUSABLE;
		}
		List<Located> findings = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Instant now = Instant.now();
		for (String file : files) {
			lint(file, thresholds, now, findings, problems);
		}
		findings.sort(Comparator.comparing((Located l) -> l.finding().severity())
			.thenComparing(Located::file)
			.thenComparingInt(Located::line)
			.thenComparing(l -> l.finding().ruleId()));
		if (json) {
			out.println(json(findings, problems));
		}
		else {
			text(files, findings, problems, out, err);
		}
		if (!problems.isEmpty()) {
			return UNUSABLE;
		}
		return findings.stream().anyMatch(l -> l.finding().severity() == Finding.Severity.ERROR) ? ERRORS : CLEAN;
	}

	private static void lint(String file, CoachThresholds thresholds, Instant now, List<Located> findings,
			List<Problem> problems) {
		String text;
		try {
			text = Files.readString(Path.of(file));
		}
		catch (NoSuchFileException e) {
			problems.add(new Problem(file, 0, "", "no such file"));
			return;
		}
		catch (MalformedInputException e) {
			problems.add(new Problem(file, 0, "", "not UTF-8 text"));
			return;
		}
		catch (IOException | RuntimeException e) {
			problems.add(new Problem(file, 0, "", "cannot be read: " + e.getMessage()));
			return;
		}
		YamlLines lines = YamlLines.read(text);
		OkrFile okrs;
		try {
			var collector = new InvalidInputException.Collector();
			okrs = OkrFileReader.read(text, collector);
			collector.throwIfAny();
		}
		catch (InvalidInputException e) {
			for (var error : e.errors()) {
				String field = error.field();
				int line = field.startsWith("line ") ? Integer.parseInt(field.substring(5)) : lines.lineOf(field);
				problems.add(new Problem(file, line, field.startsWith("line ") ? "" : field, error.message()));
			}
			return;
		}
		Subjects subjects = new Subjects(okrs);
		for (Finding finding : FileCoach.review(okrs, thresholds, now)) {
			String path = subjects.path(finding);
			findings.add(new Located(file, lines.lineOf(path), subjects.name(finding, path), finding));
		}
	}

	/** The thresholds as the server reads them from its environment; the defaults otherwise. */
	static CoachThresholds thresholds(Map<String, String> env) {
		CoachThresholds d = CoachThresholds.DEFAULTS;
		return new CoachThresholds(whole(env, SETTINGS.get(0), d.minKeyResults()),
				whole(env, SETTINGS.get(1), d.maxKeyResults()), whole(env, SETTINGS.get(2), d.maxKpisPerTeam()),
				share(env, SETTINGS.get(3), d.maxMilestoneShare()));
	}

	private static int whole(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		try {
			return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a whole number, not " + value);
		}
	}

	private static double share(Map<String, String> env, String name, double fallback) {
		String value = env.get(name);
		try {
			return value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a number, not " + value);
		}
	}

	private static void text(List<String> files, List<Located> findings, List<Problem> problems, PrintStream out,
			PrintStream err) {
		for (Problem p : problems) {
			err.println(p.file() + ":" + p.line() + ": " + (p.field().isEmpty() ? "" : p.field() + ": ") + p.message());
		}
		for (Located l : findings) {
			Finding f = l.finding();
			out.println(l.file() + ":" + l.line() + ": " + f.severity() + " " + f.ruleId() + " " + f.message());
		}
		for (String file : files) {
			if (problems.stream().anyMatch(p -> p.file().equals(file))) {
				err.println(file + ": not linted (see above)");
				continue;
			}
			Map<Finding.Severity, Integer> counts = new LinkedHashMap<>();
			for (Finding.Severity s : Finding.Severity.values()) {
				counts.put(s, 0);
			}
			findings.stream().filter(l -> l.file().equals(file)).forEach(l -> counts.merge(l.finding().severity(), 1,
					Integer::sum));
			err.println(file + ": " + count(counts.get(Finding.Severity.ERROR), "error") + ", "
					+ count(counts.get(Finding.Severity.WARNING), "warning") + ", "
					+ count(counts.get(Finding.Severity.INFO), "info"));
		}
	}

	private static String count(int count, String what) {
		return count + " " + what + (count == 1 ? "" : "s");
	}

	private static String json(List<Located> findings, List<Problem> problems) {
		List<Map<String, Object>> f = new ArrayList<>();
		for (Located l : findings) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("file", l.file());
			m.put("line", l.line());
			m.put("severity", l.finding().severity().name());
			m.put("ruleId", l.finding().ruleId());
			m.put("subjectType", l.finding().subjectType().name());
			m.put("subject", l.subject());
			m.put("message", l.finding().message());
			m.put("hint", l.finding().hint());
			f.add(m);
		}
		List<Map<String, Object>> p = new ArrayList<>();
		for (Problem problem : problems) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("file", problem.file());
			m.put("line", problem.line());
			m.put("field", problem.field());
			m.put("message", problem.message());
			p.add(m);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("findings", f);
		document.put("problems", p);
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document);
	}

	/** Where in the file each subject is, and the name to call it by (its key where it has one). */
	private static final class Subjects {

		private final Map<String, String> paths = new HashMap<>();

		private final Map<String, String> keys = new HashMap<>();

		Subjects(OkrFile file) {
			file.teams().forEach(t -> paths.putIfAbsent("TEAM:" + t.key(), t.path()));
			file.cycles().forEach(c -> paths.putIfAbsent("CYCLE:" + c.name(), c.path()));
			file.kpis().forEach(k -> {
				paths.putIfAbsent("KPI:" + k.definition().key(), k.path());
				paths.putIfAbsent("TEAM:" + k.team(), k.path());
			});
			for (OkrFile.ObjectiveSpec o : file.objectives()) {
				paths.putIfAbsent("CYCLE:" + o.cycle(), o.path());
				if (o.key() != null) {
					keys.put(o.path(), o.key());
				}
				for (OkrFile.KeyResultSpec kr : o.keyResults()) {
					if (kr.key() != null) {
						keys.put(kr.path(), kr.key());
					}
				}
			}
		}

		String path(Finding f) {
			return switch (f.subjectType()) {
				case OBJECTIVE, KEY_RESULT -> f.subjectId();
				default -> paths.getOrDefault(f.subjectType() + ":" + f.subjectId(), "");
			};
		}

		String name(Finding f, String path) {
			return switch (f.subjectType()) {
				case OBJECTIVE, KEY_RESULT -> keys.getOrDefault(path, path);
				default -> f.subjectId();
			};
		}
	}
}
