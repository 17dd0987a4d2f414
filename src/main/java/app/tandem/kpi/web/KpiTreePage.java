package app.tandem.kpi.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiViews;
import app.tandem.kpi.domain.KpiTree;
import app.tandem.okr.KeyResults;
import app.tandem.okr.MeasuredKeyResult;
import app.tandem.okr.MeasuredKeyResults;
import app.tandem.okr.OkrViews;
import app.tandem.shared.NotFoundException;
import tools.jackson.databind.ObjectMapper;

/**
 * The KPI tree drawn: formula KPIs with the KPIs they are made of, leading and lagging, and the key results each
 * measures, coloured by status, each node a link; a list below it for keyboards and screen readers. Large trees
 * open two levels deep; a KPI's own page draws the part around it.
 */
@Controller
class KpiTreePage {

	/** How many KPIs a page reads for the tree: the organisation's whole catalogue, in practice. */
	static final int MAX_KPIS = 2000;

	private final KpiTrees trees;

	KpiTreePage(KpiTrees trees) {
		this.trees = trees;
	}

	@GetMapping("/kpis/tree")
	String tree(Model model) {
		List<KpiTree.Node> roots = trees.of(trees.identity.caller()).byPerspective();
		model.addAttribute("section", "kpis");
		model.addAttribute("roots", roots);
		model.addAttribute("chart", roots.isEmpty() ? null : trees.chart(null, roots));
		model.addAttribute("chartHeight", trees.height(roots));
		return "kpi/tree";
	}

	/** Builds trees and their drawings, for this page and each KPI's. */
	@Component
	static class KpiTrees {

		private static final Map<String, String> COLOURS = Map.of("GREEN", "#1e7b34", "AMBER", "#b77900", "RED",
				"#b42318", "NO_DATA", "#616e7c", "ON_TRACK", "#1e7b34", "AT_RISK", "#b77900", "OFF_TRACK", "#b42318",
				"DONE", "#0b5cad");

		/** Up to this many nodes the drawing opens every level; beyond, two, and the rest on demand. */
		static final int OPEN = 120;

		private final KpiViews views;

		private final MeasuredKeyResults measured;

		private final KeyResults keyResults;

		final IdentityApi identity;

		private final ObjectMapper json;

		private final MessageSource messages;

		KpiTrees(KpiViews views, MeasuredKeyResults measured, KeyResults keyResults, IdentityApi identity,
				ObjectMapper json, MessageSource messages) {
			this.views = views;
			this.measured = measured;
			this.keyResults = keyResults;
			this.identity = identity;
			this.json = json;
			this.messages = messages;
		}

		/** The tree of every KPI, with the key results in open cycles that the caller may see. */
		KpiTree of(Caller caller) {
			return tree(views.list(null, MAX_KPIS), caller);
		}

		/**
		 * One KPI with the KPIs its formula is made of, down to the last (at most {@link #AROUND} of them), and the key
		 * results they measure: a KPI's page reads these, not the whole catalogue.
		 */
		KpiTree.Node around(KpiView kpi, Caller caller) {
			Map<String, KpiView> seen = new LinkedHashMap<>();
			seen.put(kpi.key(), kpi);
			java.util.Deque<KpiView> todo = new java.util.ArrayDeque<>(List.of(kpi));
			while (!todo.isEmpty() && seen.size() < AROUND) {
				for (String input : todo.pop().inputs()) {
					if (!seen.containsKey(input) && seen.size() < AROUND) {
						try {
							KpiView part = views.get(input);
							seen.put(input, part);
							todo.push(part);
						}
						catch (NotFoundException gone) {
							// a formula naming a KPI deleted since: the catalogue says so on its page
						}
					}
				}
			}
			return tree(List.copyOf(seen.values()), caller).around(kpi.key());
		}

		/** How many KPIs a KPI's own tree reads at most. */
		static final int AROUND = 50;

		private KpiTree tree(List<KpiView> kpis, Caller caller) {
			Map<String, String> keyOf = new HashMap<>();
			kpis.forEach(k -> keyOf.put(k.id(), k.key()));
			Map<String, List<KpiTree.KeyResult>> byKpi = new HashMap<>();
			for (MeasuredKeyResult m : measured.by(kpis.stream().map(k -> UUID.fromString(k.id())).toList())) {
				try {
					OkrViews.KeyResultView kr = keyResults.get(m.keyResultId(), null, caller);
					byKpi.computeIfAbsent(keyOf.get(m.kpiId().toString()), k -> new ArrayList<>())
						.add(new KpiTree.KeyResult(kr.id(), kr.title(), kr.objectiveId(), kr.status().name()));
				}
				catch (NotFoundException | AccessDeniedException e) {
					// a key result of a private objective the caller may not see
				}
			}
			return new KpiTree(kpis.stream()
				.map(k -> new KpiTree.Kpi(k.key(), k.name(), k.status() == null ? "NO_DATA" : k.status().name(),
						k.indicator(), k.perspective(), k.inputs()))
				.toList(), byKpi);
		}

		int height(List<KpiTree.Node> roots) {
			int leaves = roots.stream().mapToInt(n -> shownLeaves(n, depthShown(roots), 1)).sum();
			return Math.max(220, Math.min(4000, 40 + leaves * 30));
		}

		/** The drawing of these trees under one root ({@code title}: the root's words; null for "KPIs"). */
		String chart(String title, List<KpiTree.Node> roots) {
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("name", title != null ? title : say("kpis.tree.root"));
			root.put("children", roots.stream().map(this::data).toList());
			root.put("itemStyle", Map.of("color", "#102a43", "borderColor", "#102a43"));
			Map<String, Object> option = app.tandem.shared.TreeChart.option(root, depthShown(roots));
			return json.writeValueAsString(option);
		}

		private static int depthShown(List<KpiTree.Node> roots) {
			return roots.stream().mapToInt(KpiTree.Node::count).sum() <= OPEN ? -1 : 2;
		}

		private static int shownLeaves(KpiTree.Node node, int depth, int level) {
			if (node.children().isEmpty() || (depth >= 0 && level >= depth)) {
				return 1;
			}
			return node.children().stream().mapToInt(c -> shownLeaves(c, depth, level + 1)).sum();
		}

		private Map<String, Object> data(KpiTree.Node node) {
			Map<String, Object> data = new LinkedHashMap<>();
			String colour = node.status() == null ? "#334e68" : COLOURS.getOrDefault(node.status(), "#334e68");
			switch (node.kind()) {
				case PERSPECTIVE -> {
					data.put("name", say(node.key().isEmpty() ? "kpis.perspective.none" : "kpis.perspective." + node.key()));
					data.put("symbol", "roundRect");
					data.put("symbolSize", 14);
					colour = "#334e68";
				}
				case KPI -> {
					data.put("name", node.label() + (node.indicator() == null ? ""
							: " · " + say("kpis.indicator." + node.indicator()).toLowerCase(LocaleContextHolder.getLocale())));
					data.put("url", "/kpis/" + node.key());
				}
				case KEY_RESULT -> {
					data.put("name", say("kpis.tree.keyResult", node.label()));
					data.put("url", "/okrs/objectives/" + node.objectiveId() + "#kr-" + node.key());
					data.put("symbol", "diamond");
					data.put("symbolSize", 12);
				}
			}
			data.put("itemStyle", Map.of("color", colour, "borderColor", colour));
			if (!node.children().isEmpty()) {
				data.put("children", node.children().stream().map(this::data).toList());
			}
			return data;
		}

		private String say(String key, Object... args) {
			return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
		}
	}
}
