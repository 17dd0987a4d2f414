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

import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleReads;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrViews;
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

	@GetMapping("/alignment")
	String alignment(@RequestParam(required = false) String cycleId, Model model) {
		OkrViews.CycleView cycle = okr.cycleOrCurrent(cycleId);
		List<Node> roots = cycle == null ? List.of()
				: tree(objectives.inCycle(UUID.fromString(cycle.id()), identity.caller()));
		model.addAttribute("section", "alignment");
		model.addAttribute("cycle", cycle);
		model.addAttribute("roots", roots);
		model.addAttribute("chart", cycle == null || roots.isEmpty() ? null : option(cycle, roots));
		model.addAttribute("chartHeight", Math.max(240, countLeaves(roots) * 34));
		return "okr/alignment";
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
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("type", "tree");
		series.put("data", List.of(root));
		series.put("orient", "LR");
		series.put("top", 16);
		series.put("bottom", 16);
		series.put("left", 90);
		series.put("right", 260);
		series.put("symbolSize", 12);
		series.put("initialTreeDepth", -1);
		series.put("expandAndCollapse", false);
		series.put("label", Map.of("position", "left", "verticalAlign", "middle", "align", "right", "fontSize", 12));
		series.put("leaves", Map.of("label", Map.of("position", "right", "verticalAlign", "middle", "align", "left")));
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("tooltip", Map.of("trigger", "item"));
		option.put("series", List.of(series));
		return json.writeValueAsString(option);
	}

	private static Map<String, Object> data(Node node) {
		OkrViews.ObjectiveView o = node.objective();
		Map<String, Object> data = new LinkedHashMap<>();
		long percent = Math.round(o.progress() * 100);
		data.put("name", shorten(o.title()) + " · " + percent + " %");
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

	private static String shorten(String title) {
		return title.length() <= 48 ? title : title.substring(0, 47) + "…";
	}
}
