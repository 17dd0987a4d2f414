package app.tandem.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECharts option of a tree drawn left to right as Tandem's pages draw them (the alignment map, the KPI tree):
 * right-angled edges, a node's words above it cut to the room a level has, a leaf's to its right. Plain data,
 * written as JSON by the page.
 */
public final class TreeChart {

	private TreeChart() {
	}

	/**
	 * {@code root}: the top node with its children ({@code name}, {@code children}, {@code itemStyle}, {@code url});
	 * {@code depth}: how many levels are open (-1 for all, the rest opened by a click).
	 */
	public static Map<String, Object> option(Map<String, Object> root, int depth) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("type", "tree");
		series.put("data", List.of(root));
		series.put("orient", "LR");
		series.put("top", 24);
		series.put("bottom", 12);
		series.put("left", 24);
		// the leaves' words are written to their right: room for them
		series.put("right", 260);
		series.put("symbolSize", 12);
		series.put("edgeShape", "polyline");
		series.put("initialTreeDepth", depth);
		series.put("expandAndCollapse", depth >= 0);
		series.put("roam", false);
		series.put("label", Map.of("position", "top", "verticalAlign", "bottom", "align", "center", "fontSize", 12,
				"color", "#1f2933", "width", 220, "overflow", "truncate"));
		series.put("leaves", Map.of("label", Map.of("position", "right", "verticalAlign", "middle", "align", "left",
				"width", 250, "overflow", "truncate")));
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("tooltip", Map.of("trigger", "item"));
		option.put("series", List.of(series));
		return option;
	}
}
