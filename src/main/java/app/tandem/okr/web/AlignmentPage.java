package app.tandem.okr.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;
import tools.jackson.databind.ObjectMapper;

/**
 * The alignment map: a cycle's objectives as the tree their alignment makes, company at the root, each node
 * coloured by status with its progress, a click away from the objective. Only objectives the reader may see are
 * in it: one aligned to a private objective they may not see starts a branch of its own. The same tree is there
 * as nested lists of links, for the keyboard and screen readers.
 */
@Controller
class AlignmentPage {

	private static final Map<String, String> COLOURS = Map.of("DONE", "#0b5cad", "ON_TRACK", "#1e7b34", "AT_RISK",
			"#d98e04", "OFF_TRACK", "#b42318");

	private final Objectives objectives;

	private final CycleReads okr;

	private final IdentityApi identity;

	private final ObjectMapper json;

	AlignmentPage(Objectives objectives, CycleReads okr, IdentityApi identity, ObjectMapper json) {
		this.objectives = objectives;
		this.okr = okr;
		this.identity = identity;
		this.json = json;
	}

	/** An objective in the tree with those aligned to it. */
	record Node(OkrViews.ObjectiveView objective, List<Node> children) {
	}

	/** How many objectives a part of the tree shows at once, and each "Show more" adds. */
	static final int PAGE = 50;

	/** The map is drawn for a cycle of at most this many objectives; a larger one is read level by level. */
	static final int MAP_LIMIT = 150;

	/**
	 * The cycle's alignment: a map of the whole tree when it is small enough to read, and the tree as a list that
	 * starts at the top and opens level by level (htmx); {@code under} shows the part below one objective.
	 */
	@GetMapping("/alignment")
	String alignment(@RequestParam(required = false) String cycleId, @RequestParam(required = false) String under,
			Model model) {
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		Caller caller = identity.caller();
		model.addAttribute("section", "alignment");
		model.addAttribute("cycle", cycle);
		UUID parent = Ids.filter(under == null || under.isBlank() ? null : under, "under");
		OkrViews.ObjectiveView top = parent == null ? null : objectives.get(parent, null, caller);
		model.addAttribute("under", top);
		if (cycle == null) {
			model.addAttribute("nodes", List.of());
			model.addAttribute("aligned", Map.of());
			return "okr/alignment";
		}
		UUID cycleUuid = UUID.fromString(cycle.id());
		long all = objectives.countInCycle(cycleUuid, caller);
		model.addAttribute("all", all);
		if (top == null && all > 0 && all <= MAP_LIMIT) {
			List<Node> roots = tree(objectives.inCycle(cycleUuid, caller));
			model.addAttribute("chart", option(cycle, roots));
			model.addAttribute("chartHeight", Math.max(240, 40 + countLeaves(roots) * 48));
		}
		model.addAttribute("mapLimit", MAP_LIMIT);
		part(cycle, parent, 0, caller, model);
		return "okr/alignment";
	}

	/** The objectives aligned to one (htmx, when its node opens), or the next of a part, after "Show more". */
	@GetMapping("/alignment/part")
	String part(@RequestParam(required = false) String cycleId, @RequestParam(required = false) String under,
			@RequestParam(defaultValue = "0") int offset, Model model) {
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		if (cycle == null) {
			throw new app.tandem.shared.NotFoundException("cycle", cycleId);
		}
		Caller caller = identity.caller();
		UUID parent = Ids.filter(under == null || under.isBlank() ? null : under, "under");
		if (parent != null) {
			objectives.requireVisible(parent, caller);
		}
		model.addAttribute("cycle", cycle);
		part(cycle, parent, Math.max(0, offset), caller, model);
		return "okr/alignment :: part";
	}

	private void part(OkrViews.CycleView cycle, UUID parent, int offset, Caller caller, Model model) {
		OkrViews.AlignmentPart part = objectives.alignmentPart(UUID.fromString(cycle.id()), parent, offset, PAGE,
				caller);
		model.addAttribute("nodes", part.page().objectives());
		model.addAttribute("aligned", part.aligned());
		OkrViews.ObjectivePage page = part.page();
		if (page.next() >= 0) {
			model.addAttribute("moreUrl", org.springframework.web.util.UriComponentsBuilder.fromPath("/alignment/part")
				.queryParam("cycleId", cycle.id())
				.queryParam("under", parent == null ? "" : parent.toString())
				.queryParam("offset", page.next())
				.build()
				.toUriString());
			model.addAttribute("left", page.total() - page.next());
			model.addAttribute("nextCount", Math.min(PAGE, page.total() - page.next()));
		}
	}

	static List<Node> tree(List<OkrViews.ObjectiveView> visible) {
		Map<String, Node> nodes = new LinkedHashMap<>();
		visible.stream()
			.sorted(Comparator.comparing((OkrViews.ObjectiveView o) -> o.level().ordinal())
				.thenComparing(OkrViews.ObjectiveView::title))
			.forEach(o -> nodes.put(o.id(), new Node(o, new ArrayList<>())));
		List<Node> roots = new ArrayList<>();
		for (Node node : nodes.values()) {
			Node parent = node.objective().parentId() == null ? null : nodes.get(node.objective().parentId());
			(parent == null ? roots : parent.children()).add(node);
		}
		return roots;
	}

	private String option(OkrViews.CycleView cycle, List<Node> roots) {
		Map<String, Object> root = new HashMap<>();
		root.put("name", cycle.name());
		root.put("children", roots.stream().map(AlignmentPage::data).toList());
		root.put("itemStyle", Map.of("color", "#102a43"));
		// as the KPI tree: an objective's words above its node, a leaf's to its right; every level open
		Map<String, Object> option = app.tandem.shared.TreeChart.option(root, -1);
		return json.writeValueAsString(option);
	}

	private static Map<String, Object> data(Node node) {
		OkrViews.ObjectiveView o = node.objective();
		Map<String, Object> data = new LinkedHashMap<>();
		long percent = Math.round(o.progress() * 100);
		// the progress first: a long title is cut at the label's width, its end with it
		data.put("name", percent + " % · " + o.title());
		data.put("url", "/okrs/objectives/" + o.id());
		String colour = COLOURS.getOrDefault(o.status().name(), "#616e7c");
		data.put("itemStyle", Map.of("color", colour, "borderColor", colour));
		data.put("children", node.children().stream().map(AlignmentPage::data).toList());
		return data;
	}

	private static int countLeaves(List<Node> nodes) {
		int leaves = 0;
		for (Node node : nodes) {
			leaves += node.children().isEmpty() ? 1 : countLeaves(node.children());
		}
		return leaves;
	}
}
