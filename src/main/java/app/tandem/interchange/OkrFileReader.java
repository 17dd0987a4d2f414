package app.tandem.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tandem.identity.Role;
import app.tandem.kpi.KpiDefinition;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.okr.domain.Visibility;
import app.tandem.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

/** Reads an OKRs-as-code file (see examples/acme-health.yaml) into an {@link OkrFile}, checking its shape. */
final class OkrFileReader {

	private static final Set<String> TOP = Set.of("organisation", "teams", "people", "cycles", "kpis", "objectives");

	private static final Set<String> TEAM = Set.of("key", "name", "parent");

	private static final Set<String> PERSON = Set.of("username", "name", "email", "teams");

	private static final Set<String> CYCLE = Set.of("name", "start", "end", "closed");

	private static final Set<String> KPI = Set.of("key", "name", "definition", "reason", "dataSource", "unit",
			"direction", "target", "warningThreshold", "lowerBound", "upperBound", "warningMargin", "frequency",
			"indicator", "perspective", "aggregation", "formula", "team", "owner", "reviewEveryDays");

	private static final Set<String> OBJECTIVE = Set.of("key", "cycle", "level", "team", "owner", "parent",
			"parentKeyResult", "type", "visibility", "title", "description", "retrospective", "keyResults");

	private static final Set<String> KEY_RESULT = Set.of("key", "title", "type", "unit", "weight", "owner", "due",
			"start", "target", "min", "max", "kpi", "grade", "gradeNote", "checkIns");

	private static final Set<String> CHECK_IN = Set.of("at", "value", "achieved", "confidence", "note");

	/** As the API's {@code CreateObjective} and {@code CreateKeyResult} take it. */
	private static final int TITLE = 500;

	private OkrFileReader() {
	}

	static OkrFile read(String text, InvalidInputException.Collector problems) {
		JsonNode root = OkrYaml.read(text);
		if (root == null || !root.isObject()) {
			throw InvalidInputException.of("", "an OKRs-as-code file is a YAML mapping (organisation, teams, people, …)");
		}
		FileNode top = new FileNode(root, "", problems);
		top.onlyFields(TOP);
		String organisation = top.text("organisation", false);

		List<OkrFile.TeamSpec> teams = new ArrayList<>();
		for (FileNode t : top.list("teams")) {
			t.onlyFields(TEAM);
			teams.add(new OkrFile.TeamSpec(t.path, t.text("key", true), t.text("name", true), t.text("parent", false)));
		}
		List<OkrFile.PersonSpec> people = new ArrayList<>();
		for (FileNode p : top.list("people")) {
			p.onlyFields(PERSON);
			Map<String, Role> memberships = new LinkedHashMap<>();
			p.textMap("teams").forEach((team, role) -> {
				try {
					memberships.put(team, Role.valueOf(role));
				}
				catch (IllegalArgumentException e) {
					p.problem("teams." + team, "must be one of " + List.of(Role.values()));
				}
			});
			people.add(new OkrFile.PersonSpec(p.path, p.text("username", true), p.text("name", true),
					p.text("email", false), memberships));
		}
		List<OkrFile.CycleSpec> cycles = new ArrayList<>();
		for (FileNode c : top.list("cycles")) {
			c.onlyFields(CYCLE);
			var cycle = new OkrFile.CycleSpec(c.path, c.text("name", true), c.date("start", true), c.date("end", true),
					Boolean.TRUE.equals(c.bool("closed")));
			if (cycle.start() != null && cycle.end() != null && cycle.end().isBefore(cycle.start())) {
				c.problem("end", "must not be before start");
			}
			cycles.add(cycle);
		}
		List<OkrFile.KpiSpec> kpis = new ArrayList<>();
		for (FileNode k : top.list("kpis")) {
			k.onlyFields(KPI);
			var definition = new KpiDefinition(null, k.text("key", true), k.text("name", true),
					k.text("definition", false), k.text("reason", false), k.text("dataSource", false),
					k.text("unit", false), k.text("direction", true), k.number("target", false),
					k.number("warningThreshold", false), k.number("lowerBound", false), k.number("upperBound", false),
					k.number("warningMargin", false), k.text("frequency", true), k.text("indicator", false),
					k.text("perspective", false), k.text("aggregation", true), k.text("formula", false), null, null,
					k.integer("reviewEveryDays"), null);
			for (String[] problem : definition.problems()) {
				if (!(problem[1].equals("is required") && !k.has(problem[0]))) {
					k.problem(problem[0], problem[1]);
				}
			}
			kpis.add(new OkrFile.KpiSpec(k.path, definition, k.text("team", false), k.text("owner", false)));
		}
		List<OkrFile.ObjectiveSpec> objectives = new ArrayList<>();
		for (FileNode o : top.list("objectives")) {
			o.onlyFields(OBJECTIVE);
			List<OkrFile.KeyResultSpec> keyResults = new ArrayList<>();
			for (FileNode kr : o.list("keyResults")) {
				keyResults.add(keyResult(kr));
			}
			objectives.add(new OkrFile.ObjectiveSpec(o.path, o.text("key", false), o.text("cycle", true),
					o.choice("level", Level.class, true), o.text("team", false), o.text("owner", false),
					o.text("parent", false), o.text("parentKeyResult", false), o.choice("type", ObjectiveType.class, false),
					o.choice("visibility", Visibility.class, false), o.text("title", true, TITLE), o.text("description", false),
					o.text("retrospective", false), keyResults));
		}
		return new OkrFile(organisation, teams, people, cycles, kpis, objectives);
	}

	private static OkrFile.KeyResultSpec keyResult(FileNode kr) {
		kr.onlyFields(KEY_RESULT);
		List<OkrFile.CheckInSpec> checkIns = new ArrayList<>();
		for (FileNode c : kr.list("checkIns")) {
			c.onlyFields(CHECK_IN);
			Integer confidence = c.integer("confidence");
			if (confidence != null && (confidence < 0 || confidence > 10)) {
				c.problem("confidence", "must be between 0 and 10");
			}
			checkIns.add(new OkrFile.CheckInSpec(c.path, c.instant("at", true), c.number("value", false),
					c.bool("achieved"), confidence, c.text("note", false)));
		}
		Double grade = kr.number("grade", false);
		if (grade != null && (grade < 0 || grade > 1)) {
			kr.problem("grade", "must be between 0.0 and 1.0");
		}
		return new OkrFile.KeyResultSpec(kr.path, kr.text("key", false), kr.text("title", true, TITLE),
				kr.choice("type", KeyResultType.class, true), kr.text("unit", false), kr.number("weight", false),
				kr.text("owner", false), kr.date("due", false), kr.number("start", false), kr.number("target", false),
				kr.number("min", false), kr.number("max", false), kr.text("kpi", false), grade,
				kr.text("gradeNote", false), checkIns);
	}
}
