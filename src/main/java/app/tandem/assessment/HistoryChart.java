package app.tandem.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

/** The assessment's overall score over time as an ECharts option (drawn by tandem.js from {@code data-chart}). */
final class HistoryChart {

	private static final String INK = "#0b5cad";

	private HistoryChart() {
	}

	/** A line on a time axis from 0 to 100, a dot per submission; null before the first. */
	static String of(List<AssessmentViews.HistoryPoint> history, String seriesName, ObjectMapper json) {
		if (history.isEmpty()) {
			return null;
		}
		List<Object[]> data = history.stream().map(p -> new Object[] { p.submittedAt().toString(), p.overall() })
			.toList();
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", "line");
		line.put("name", seriesName);
		line.put("data", data);
		line.put("symbolSize", 8);
		line.put("lineStyle", Map.of("color", INK, "width", 2));
		line.put("itemStyle", Map.of("color", INK));
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("grid", Map.of("left", 40, "right", 16, "top", 16, "bottom", 32));
		option.put("tooltip", Map.of("trigger", "axis"));
		option.put("xAxis", Map.of("type", "time"));
		option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
		option.put("series", List.of(line));
		return json.writeValueAsString(option);
	}
}
