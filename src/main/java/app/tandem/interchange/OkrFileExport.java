package app.tandem.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.Visibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a cycle as OKRs as code: the organisation's teams, people and KPIs, the cycle's objectives
 * with their key results and check-ins, and any objective in another cycle they align to, so that
 * importing the file into an empty instance reproduces the cycle.
 */
@Service
class OkrFileExport {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final IdentityApi identity;

	private final KpiCatalog kpis;

	private final Cycles cycles;

	private final Objectives objectives;

	private final KeyResults keyResults;

	OkrFileExport(IdentityApi identity, KpiCatalog kpis, Cycles cycles, Objectives objectives, KeyResults keyResults) {
		this.identity = identity;
		this.kpis = kpis;
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
	}

	/**
	 * The cycle as the caller may see it: private objectives they may not see are left out, and an
	 * objective aligned to one of those is written without its alignment.
	 */
	@Transactional(readOnly = true)
	public String export(UUID cycleId, Caller caller) {
		OkrViews.CycleView cycle = cycles.get(cycleId);
		List<OkrViews.ObjectiveView> included = withAncestors(objectives.inCycle(cycleId, caller), caller);
		Set<String> includedIds = new java.util.HashSet<>();
		included.forEach(o -> includedIds.add(o.id()));

		Map<UUID, String> teamKeys = teamKeys();
		Map<UUID, String> usernames = new HashMap<>();
		identity.allPeople().forEach(p -> usernames.put(p.id(), p.username()));

		ObjectNode root = NODES.objectNode();
		identity.organisationName().ifPresent(name -> root.put("organisation", name));
		var teams = root.putArray("teams");
		for (var team : parentsFirst(identity.allTeams())) {
			ObjectNode node = teams.addObject().put("key", teamKeys.get(team.id())).put("name", team.name());
			if (team.parentId() != null) {
				node.put("parent", teamKeys.get(team.parentId()));
			}
		}
		var people = root.putArray("people");
		for (var person : identity.allPeople()) {
			ObjectNode node = people.addObject().put("username", person.username()).put("name", person.name());
			if (person.email() != null) {
				node.put("email", person.email());
			}
			if (!person.memberships().isEmpty()) {
				ObjectNode memberships = node.putObject("teams");
				person.memberships().forEach((team, role) -> memberships.put(teamKeys.get(team), role.name()));
			}
		}
		var cycleNodes = root.putArray("cycles");
		Set<String> cycleIds = new java.util.LinkedHashSet<>();
		included.forEach(o -> cycleIds.add(o.cycleId()));
		cycleIds.add(cycle.id());
		for (String id : cycleIds) {
			var c = cycles.get(UUID.fromString(id));
			ObjectNode node = cycleNodes.addObject().put("name", c.name()).put("start", c.startDate().toString())
				.put("end", c.endDate().toString());
			if (c.closedAt() != null) {
				node.put("closed", true);
			}
		}
		Map<UUID, String> kpiKeys = new HashMap<>();
		var kpiNodes = root.putArray("kpis");
		for (KpiDefinition k : kpis.all()) {
			kpiKeys.put(k.id(), k.key());
			kpiNodes.add(kpi(k, teamKeys, usernames));
		}
		Map<String, String> objectiveKeys = objectiveKeys(included);
		Map<String, String> keyResultKeys = new HashMap<>();
		for (var o : included) {
			if (o.parentKeyResultId() != null && includedIds.contains(o.parentId())) {
				var parent = included.stream().filter(p -> p.id().equals(o.parentId())).findFirst().orElseThrow();
				for (int i = 0; i < parent.keyResults().size(); i++) {
					if (parent.keyResults().get(i).id().equals(o.parentKeyResultId())) {
						keyResultKeys.put(o.parentKeyResultId(), objectiveKeys.get(parent.id()) + "-kr" + (i + 1));
					}
				}
			}
		}
		var objectiveNodes = root.putArray("objectives");
		Map<String, String> cycleNames = new HashMap<>();
		for (var o : included) {
			String cycleName = cycleNames.computeIfAbsent(o.cycleId(), id -> cycles.get(UUID.fromString(id)).name());
			ObjectNode node = objectiveNodes.addObject().put("key", objectiveKeys.get(o.id())).put("cycle", cycleName)
				.put("level", o.level().name());
			optional(node, "team", o.teamId() == null ? null : teamKeys.get(UUID.fromString(o.teamId())));
			optional(node, "owner", o.ownerId() == null ? null : usernames.get(UUID.fromString(o.ownerId())));
			if (o.parentKeyResultId() != null && includedIds.contains(o.parentId())) {
				node.put("parentKeyResult", keyResultKeys.get(o.parentKeyResultId()));
			}
			else if (o.parentId() != null && includedIds.contains(o.parentId())) {
				node.put("parent", objectiveKeys.get(o.parentId()));
			}
			node.put("type", o.type().name());
			if (o.visibility() != Visibility.PUBLIC) {
				node.put("visibility", o.visibility().name());
			}
			node.put("title", o.title());
			optional(node, "description", o.description());
			optional(node, "retrospective", o.retrospective());
			var krNodes = node.putArray("keyResults");
			for (var kr : o.keyResults()) {
				krNodes.add(keyResult(kr, keyResultKeys.get(kr.id()), cycles.get(UUID.fromString(o.cycleId())),
						usernames, kpiKeys));
			}
		}
		return YAML.writeValueAsString(root);
	}

	private ObjectNode keyResult(OkrViews.KeyResultView kr, String key, OkrViews.CycleView cycle,
			Map<UUID, String> usernames, Map<UUID, String> kpiKeys) {
		ObjectNode node = NODES.objectNode();
		optional(node, "key", key);
		node.put("title", kr.title()).put("type", kr.type().name());
		if (kr.type().hasStartAndTarget()) {
			number(node, "start", kr.startValue());
			number(node, "target", kr.targetValue());
		}
		if (kr.type() == KeyResultType.THRESHOLD) {
			number(node, "min", kr.minValue());
			number(node, "max", kr.maxValue());
		}
		optional(node, "unit", kr.unit());
		if (kr.weight() != 1) {
			number(node, "weight", kr.weight());
		}
		if (!kr.dueDate().equals(cycle.endDate())) {
			node.put("due", kr.dueDate().toString());
		}
		optional(node, "owner", kr.ownerId() == null ? null : usernames.get(UUID.fromString(kr.ownerId())));
		optional(node, "kpi", kr.kpiId() == null ? null : kpiKeys.get(UUID.fromString(kr.kpiId())));
		if (kr.grade() != null) {
			number(node, "grade", kr.grade());
			optional(node, "gradeNote", kr.gradeNote());
		}
		List<OkrViews.CheckInView> checkIns = new ArrayList<>(keyResults.checkIns(UUID.fromString(kr.id()), null, 100_000));
		if (!checkIns.isEmpty()) {
			var list = node.putArray("checkIns");
			checkIns.sort(java.util.Comparator.comparing(OkrViews.CheckInView::at).thenComparing(OkrViews.CheckInView::id));
			for (var c : checkIns) {
				ObjectNode item = list.addObject().put("at", c.at().toString());
				if (c.achieved() != null) {
					item.put("achieved", c.achieved());
				}
				number(item, "value", c.value());
				if (c.confidence() != null) {
					item.put("confidence", c.confidence());
				}
				optional(item, "note", c.note());
			}
		}
		return node;
	}

	private static ObjectNode kpi(KpiDefinition k, Map<UUID, String> teamKeys, Map<UUID, String> usernames) {
		ObjectNode node = NODES.objectNode().put("key", k.key()).put("name", k.name());
		optional(node, "definition", k.definition());
		optional(node, "reason", k.reason());
		optional(node, "dataSource", k.dataSource());
		optional(node, "unit", k.unit());
		node.put("direction", k.direction());
		number(node, "target", k.target());
		number(node, "warningThreshold", k.warningThreshold());
		number(node, "lowerBound", k.lowerBound());
		number(node, "upperBound", k.upperBound());
		number(node, "warningMargin", k.warningMargin());
		node.put("frequency", k.frequency());
		optional(node, "indicator", k.indicator());
		optional(node, "perspective", k.perspective());
		node.put("aggregation", k.aggregation());
		optional(node, "formula", k.formula());
		optional(node, "team", k.teamId() == null ? null : teamKeys.get(k.teamId()));
		optional(node, "owner", k.ownerId() == null ? null : usernames.get(k.ownerId()));
		if (k.reviewEveryDays() != null) {
			node.put("reviewEveryDays", k.reviewEveryDays());
		}
		return node;
	}

	/** The cycle's objectives, preceded by whatever they align to in other cycles, parents first. */
	private List<OkrViews.ObjectiveView> withAncestors(List<OkrViews.ObjectiveView> inCycle, Caller caller) {
		Map<String, OkrViews.ObjectiveView> all = new LinkedHashMap<>();
		inCycle.forEach(o -> all.put(o.id(), o));
		List<OkrViews.ObjectiveView> frontier = new ArrayList<>(inCycle);
		while (!frontier.isEmpty()) {
			List<OkrViews.ObjectiveView> next = new ArrayList<>();
			for (var o : frontier) {
				if (o.parentId() != null && !all.containsKey(o.parentId())) {
					try {
						var parent = objectives.get(UUID.fromString(o.parentId()), null, caller);
						all.put(parent.id(), parent);
						next.add(parent);
					}
					catch (app.tandem.shared.NotFoundException hidden) {
						// a private objective the caller may not see: left out
					}
				}
			}
			frontier = next;
		}
		List<OkrViews.ObjectiveView> sorted = new ArrayList<>(all.values());
		sorted.sort(java.util.Comparator.comparing(OkrViews.ObjectiveView::id));
		var order = ParentsFirst.order(sorted, OkrViews.ObjectiveView::id, OkrViews.ObjectiveView::parentId);
		List<OkrViews.ObjectiveView> ordered = new ArrayList<>(order.ordered());
		ordered.addAll(order.inLoops());
		return ordered;
	}

	private Map<UUID, String> teamKeys() {
		Map<UUID, String> keys = new HashMap<>();
		Set<String> taken = new HashSet<>();
		var teams = identity.allTeams();
		teams.forEach(t -> {
			if (t.key() != null) {
				keys.put(t.id(), t.key());
				taken.add(t.key());
			}
		});
		teams.forEach(t -> keys.computeIfAbsent(t.id(), id -> unique(slug(t.name()), taken)));
		return keys;
	}

	private static Map<String, String> objectiveKeys(List<OkrViews.ObjectiveView> objectives) {
		Map<String, String> keys = new HashMap<>();
		Set<String> taken = new HashSet<>();
		objectives.forEach(o -> {
			if (o.key() != null) {
				keys.put(o.id(), o.key());
				taken.add(o.key());
			}
		});
		objectives.forEach(o -> keys.computeIfAbsent(o.id(), id -> unique(slug(o.title()), taken)));
		return keys;
	}

	private static List<IdentityApi.TeamEntry> parentsFirst(List<IdentityApi.TeamEntry> teams) {
		var order = ParentsFirst.order(teams, IdentityApi.TeamEntry::id, IdentityApi.TeamEntry::parentId);
		List<IdentityApi.TeamEntry> ordered = new ArrayList<>(order.ordered());
		ordered.addAll(order.inLoops());
		return ordered;
	}

	static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "item" : slug;
	}

	private static String unique(String base, Set<String> taken) {
		String candidate = base;
		for (int n = 2; !taken.add(candidate); n++) {
			candidate = base + "-" + n;
		}
		return candidate;
	}

	private static void optional(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	/** Whole numbers as integers, as people write them (start: 0, not 0.0). */
	private static void number(ObjectNode node, String field, Double value) {
		if (value == null) {
			return;
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			node.put(field, value.longValue());
		}
		else {
			node.put(field, value);
		}
	}
}
