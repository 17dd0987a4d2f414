package app.tandem.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpiDefinition;
import app.tandem.okr.Cycles;
import app.tandem.okr.KeyResults;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.CheckInContent;
import app.tandem.okr.domain.KeyResultDefinition;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an OKRs-as-code file in one transaction. Teams, people, cycles and KPIs that exist already
 * (same key, username or name) are used as they are; everything else is created. Every problem is
 * reported with its path in the file, and a file with any problem imports nothing.
 */
@Service
class OkrFileImport {

	/** A problem of the i-th check-in as {@code KeyResults.checkInAll} names it: {@code [i].field}. */
	private static final java.util.regex.Pattern CHECK_IN_FIELD = java.util.regex.Pattern.compile("\\[(\\d+)\\]\\.(.+)");

	private static final Map<String, String> FILE_FIELD = Map.of("startValue", "start", "targetValue", "target",
			"minValue", "min", "maxValue", "max", "dueDate", "due", "weight", "weight");

	private final IdentityApi identity;

	private final KpiCatalog kpis;

	private final Cycles cycles;

	private final Objectives objectives;

	private final KeyResults keyResults;

	OkrFileImport(IdentityApi identity, KpiCatalog kpis, Cycles cycles, Objectives objectives, KeyResults keyResults) {
		this.identity = identity;
		this.kpis = kpis;
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
	}

	/** Problems listed in an answer: a file of 16,000 objectives with one key would otherwise answer a megabyte. */
	static final int REPORTED = 100;

	record Report(int teams, int people, int cycles, int kpis, int objectives, int keyResults, int checkIns) {
	}

	@Transactional
	public Report importFile(String text, Caller caller) {
		var problems = new InvalidInputException.Collector();
		OkrFile file = OkrFileReader.read(text, problems);
		Known known = new Known(identity, kpis, cycles, objectives);
		check(file, known, problems);
		try {
			problems.throwIfAny();
		}
		catch (InvalidInputException e) {
			throw atMost(REPORTED, e);
		}
		return apply(file, known, caller);
	}

	/** What exists already, by the names a file uses. */
	private static final class Known {

		final Map<String, UUID> teams = new HashMap<>();

		final Map<String, UUID> people = new HashMap<>();

		final Map<String, UUID> cycles = new HashMap<>();

		final Map<String, UUID> kpis = new HashMap<>();

		final Map<String, UUID> objectives = new HashMap<>();

		final Map<String, UUID> keyResults = new HashMap<>();

		/** Objectives in the database by key, asked once per key. */
		private final Map<String, java.util.Optional<UUID>> existing = new HashMap<>();

		private final Objectives objectiveService;

		UUID existingObjective(String key) {
			return existing.computeIfAbsent(key, k -> java.util.Optional.ofNullable(objectiveService.findKey(k)))
				.orElse(null);
		}

		Known(IdentityApi identity, KpiCatalog kpiCatalog, Cycles cycleService, Objectives objectiveService) {
			this.objectiveService = objectiveService;
			identity.allTeams().forEach(t -> {
				if (t.key() != null) {
					teams.put(t.key(), t.id());
				}
			});
			identity.allPeople().forEach(p -> people.put(p.username(), p.id()));
			cycleService.list(null, 100_000).forEach(c -> cycles.put(c.name(), UUID.fromString(c.id())));
			kpiCatalog.all().forEach(k -> kpis.put(k.key(), k.id()));
		}
	}

	private void check(OkrFile file, Known known, InvalidInputException.Collector problems) {
		Set<String> teamKeys = new HashSet<>(known.teams.keySet());
		for (var team : file.teams()) {
			if (team.key() != null && !team.key().matches("[a-z0-9][a-z0-9-]*")) {
				problems.add(team.path() + ".key", "must be a slug: lower-case letters, digits and -");
			}
			if (team.key() != null && !teamKeys.add(team.key()) && !known.teams.containsKey(team.key())) {
				problems.add(team.path() + ".key", "appears twice in the file");
			}
		}
		for (var team : file.teams()) {
			if (team.parent() != null && !teamKeys.contains(team.parent())) {
				problems.add(team.path() + ".parent", "no team with key " + team.parent());
			}
		}
		Set<String> usernames = new HashSet<>(known.people.keySet());
		for (var person : file.people()) {
			if (person.username() != null && !person.username().matches("[A-Za-z0-9._@-]+")) {
				problems.add(person.path() + ".username", "may hold letters, digits and . _ @ - only");
			}
			usernames.add(person.username());
			person.teams().keySet().forEach(team -> {
				if (!teamKeys.contains(team)) {
					problems.add(person.path() + ".teams." + team, "no team with key " + team);
				}
			});
		}
		Set<String> cycleNames = new HashSet<>(known.cycles.keySet());
		file.cycles().forEach(c -> cycleNames.add(c.name()));
		Set<String> kpiKeys = new HashSet<>(known.kpis.keySet());
		for (var kpi : file.kpis()) {
			if (kpi.definition().key() != null && !kpiKeys.add(kpi.definition().key())
					&& !known.kpis.containsKey(kpi.definition().key())) {
				problems.add(kpi.path() + ".key", "appears twice in the file");
			}
			reference(problems, kpi.path() + ".team", kpi.team(), teamKeys, "team with key");
			reference(problems, kpi.path() + ".owner", kpi.owner(), usernames, "person named");
		}
		Set<String> objectiveKeys = new HashSet<>();
		Set<String> keyResultKeys = new HashSet<>();
		for (var o : file.objectives()) {
			if (o.key() != null) {
				if (!objectiveKeys.add(o.key())) {
					problems.add(o.path() + ".key", "appears twice in the file");
				}
				if (known.existingObjective(o.key()) != null) {
					problems.add(o.path() + ".key", "an objective with this key exists already");
				}
			}
			o.keyResults().forEach(kr -> {
				if (kr.key() != null && !keyResultKeys.add(kr.key())) {
					problems.add(kr.path() + ".key", "appears twice in the file");
				}
			});
		}
		for (var o : file.objectives()) {
			reference(problems, o.path() + ".cycle", o.cycle(), cycleNames, "cycle named");
			reference(problems, o.path() + ".team", o.team(), teamKeys, "team with key");
			reference(problems, o.path() + ".owner", o.owner(), usernames, "person named");
			if (o.parent() != null && !objectiveKeys.contains(o.parent()) && known.existingObjective(o.parent()) == null) {
				problems.add(o.path() + ".parent", "no objective with key " + o.parent());
			}
			reference(problems, o.path() + ".parentKeyResult", o.parentKeyResult(), keyResultKeys, "key result with key");
			if (o.team() == null && o.owner() == null) {
				problems.add(o.path() + ".owner", "an objective needs a team or an owner");
			}
			for (var kr : o.keyResults()) {
				reference(problems, kr.path() + ".owner", kr.owner(), usernames, "person named");
				reference(problems, kr.path() + ".kpi", kr.kpi(), kpiKeys, "KPI with key");
				if (kr.type() != null) {
					var definition = new KeyResultDefinition(kr.type(), kr.start(), kr.target(), kr.min(), kr.max(),
							kr.weight() == null ? 1 : kr.weight(), kr.due());
					for (String[] problem : definition.problems()) {
						problems.add(kr.path() + "." + FILE_FIELD.getOrDefault(problem[0], problem[0]), problem[1]);
					}
				}
				for (var checkIn : kr.checkIns()) {
					for (String[] problem : CheckInContent.problems(kr.type(), checkIn.value(), checkIn.achieved(),
							checkIn.confidence(), checkIn.note())) {
						problems.add(checkIn.path() + "." + problem[0], problem[1]);
					}
				}
			}
		}
	}

	private static InvalidInputException atMost(int count, InvalidInputException e) {
		if (e.errors().size() <= count) {
			return e;
		}
		var first = new java.util.ArrayList<>(e.errors().subList(0, count));
		first.add(new InvalidInputException.FieldError("", "and " + (e.errors().size() - count) + " more problems"));
		return new InvalidInputException(first);
	}

	private static void reference(InvalidInputException.Collector problems, String path, String name, Set<String> known,
			String what) {
		if (name != null && !known.contains(name)) {
			problems.add(path, "no " + what + " " + name);
		}
	}

	private Report apply(OkrFile file, Known known, Caller caller) {
		if (file.organisation() != null) {
			identity.nameOrganisation(file.organisation());
		}
		int teams = 0;
		var teamOrder = ParentsFirst.order(file.teams(), OkrFile.TeamSpec::key, OkrFile.TeamSpec::parent);
		if (!teamOrder.inLoops().isEmpty()) {
			throw InvalidInputException.of(teamOrder.inLoops().get(0).path() + ".parent", "teams form a loop");
		}
		for (var team : teamOrder.ordered()) {
			if (!known.teams.containsKey(team.key())) {
				known.teams.put(team.key(), identity.createTeam(team.key(), team.name(), known.teams.get(team.parent())));
				teams++;
			}
		}
		int people = 0;
		for (var person : file.people()) {
			if (!known.people.containsKey(person.username())) {
				known.people.put(person.username(), identity.createPerson(person.username(), person.name(), person.email()));
				people++;
			}
			UUID userId = known.people.get(person.username());
			person.teams().forEach((team, role) -> identity.putMembership(known.teams.get(team), userId, role));
		}
		int cycleCount = 0;
		for (var cycle : file.cycles()) {
			if (!known.cycles.containsKey(cycle.name())) {
				var created = at(cycle.path(), () -> cycles.create(new OkrCommands.CreateCycle(cycle.name(), cycle.start(),
						cycle.end())));
				known.cycles.put(cycle.name(), UUID.fromString(created.id()));
				cycleCount++;
			}
		}
		int kpiCount = 0;
		for (var kpi : file.kpis()) {
			if (!known.kpis.containsKey(kpi.definition().key())) {
				KpiDefinition d = kpi.definition();
				known.kpis.put(d.key(), kpis.create(new KpiDefinition(null, d.key(), d.name(), d.definition(), d.reason(),
						d.dataSource(), d.unit(), d.direction(), d.target(), d.warningThreshold(), d.lowerBound(),
						d.upperBound(), d.warningMargin(), d.frequency(), d.indicator(), d.perspective(), d.aggregation(),
						d.formula(), known.teams.get(kpi.team()), known.people.get(kpi.owner()), d.reviewEveryDays(),
						null)));
				kpiCount++;
			}
		}
		int[] counts = new int[3];
		for (var o : parentsFirst(file.objectives())) {
			createObjective(o, known, caller, counts);
		}
		for (var o : file.objectives()) {
			if (o.retrospective() != null) {
				at(o.path(), () -> objectives.update(known.objectives.get(o.key() != null ? o.key() : o.path()),
						new OkrCommands.UpdateObjective(null, null, null, null, null, null, null, null, null,
								o.retrospective(), null),
						new Versions(null, false), caller));
			}
		}
		// Last, because a closed cycle takes no more check-ins or grades.
		file.cycles().stream()
			.filter(OkrFile.CycleSpec::closed)
			.map(c -> known.cycles.get(c.name()))
			.distinct()
			.filter(id -> cycles.get(id).closedAt() == null)
			.forEach(id -> cycles.close(id, new Versions(null, false)));
		return new Report(teams, people, cycleCount, kpiCount, counts[0], counts[1], counts[2]);
	}

	private void createObjective(OkrFile.ObjectiveSpec o, Known known, Caller caller, int[] counts) {
		List<OkrCommands.CreateKeyResult> krs = new ArrayList<>();
		for (var kr : o.keyResults()) {
			krs.add(new OkrCommands.CreateKeyResult(kr.title(), kr.type(), kr.unit(), kr.weight(),
					id(known.people.get(kr.owner())), kr.due(), kr.start(), kr.target(), kr.min(), kr.max(),
					id(known.kpis.get(kr.kpi()))));
		}
		UUID parent = o.parent() == null ? null
				: known.objectives.containsKey(o.parent()) ? known.objectives.get(o.parent()) : known.existingObjective(o.parent());
		var command = new OkrCommands.CreateObjective(known.cycles.get(o.cycle()).toString(), o.title(), o.description(),
				o.level(), id(known.teams.get(o.team())), id(known.people.get(o.owner())), id(parent),
				id(known.keyResults.get(o.parentKeyResult())), o.type(), o.visibility(), o.key(), krs);
		OkrViews.ObjectiveView created = at(o.path(), () -> objectives.create(command, caller));
		known.objectives.put(o.key() != null ? o.key() : o.path(), UUID.fromString(created.id()));
		counts[0]++;
		for (int i = 0; i < o.keyResults().size(); i++) {
			var spec = o.keyResults().get(i);
			UUID krId = UUID.fromString(created.keyResults().get(i).id());
			if (spec.key() != null) {
				known.keyResults.put(spec.key(), krId);
			}
			counts[1]++;
			counts[2] += checkIns(krId, spec.checkIns(), caller);
			if (spec.grade() != null) {
				at(spec.path(), () -> keyResults.update(krId, new OkrCommands.UpdateKeyResult(null, null, null, null, null,
						null, null, null, null, null, spec.grade(), spec.gradeNote(), null, null), new Versions(null, false),
						caller));
			}
		}
	}

	/** A key result's check-ins in one go; a problem is reported under the file path of its check-in. */
	private int checkIns(UUID keyResultId, List<OkrFile.CheckInSpec> specs, Caller caller) {
		var commands = specs.stream()
			.map(c -> new OkrCommands.RecordCheckIn(c.value(), c.achieved(), c.confidence(), c.note(), c.at()))
			.toList();
		try {
			return keyResults.checkInAll(keyResultId, commands, caller);
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException(e.errors().stream().map(f -> {
				var indexed = CHECK_IN_FIELD.matcher(f.field());
				return indexed.matches()
						? new InvalidInputException.FieldError(
								specs.get(Integer.parseInt(indexed.group(1))).path() + "." + indexed.group(2), f.message())
						: f;
			}).toList());
		}
	}

	/** Objectives ordered so that each comes after the objective (or key result) it aligns to. */
	private static List<OkrFile.ObjectiveSpec> parentsFirst(List<OkrFile.ObjectiveSpec> objectives) {
		Map<String, String> objectiveOfKr = new HashMap<>();
		for (var o : objectives) {
			o.keyResults().forEach(kr -> {
				if (kr.key() != null) {
					objectiveOfKr.put(kr.key(), o.key());
				}
			});
		}
		var order = ParentsFirst.order(objectives, OkrFile.ObjectiveSpec::key,
				o -> o.parentKeyResult() != null ? objectiveOfKr.get(o.parentKeyResult()) : o.parent());
		if (!order.inLoops().isEmpty()) {
			throw InvalidInputException.of(order.inLoops().get(0).path() + ".parent", "objectives align in a loop");
		}
		return order.ordered();
	}

	/** Runs a step of the import; a problem it finds is reported under the file path of the entry. */
	private static <T> T at(String path, java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException(e.errors().stream()
				.map(f -> new InvalidInputException.FieldError(path + "." + f.field(), f.message()))
				.toList());
		}
	}

	private static String id(UUID id) {
		return id == null ? null : id.toString();
	}
}
