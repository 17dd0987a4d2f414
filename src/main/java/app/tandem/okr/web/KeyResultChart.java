package app.tandem.okr.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.KeyResultType;
import tools.jackson.databind.ObjectMapper;

/**
 * A key result's chart as an ECharts option (JSON, drawn by tandem.js): its check-ins over the cycle, the line of
 * expected progress from start to target, the target (or the range to keep), and where the forecast leads with its
 * 80 % interval. Milestones have none: a yes or no is not a line.
 */
final class KeyResultChart {

	private final ObjectMapper json;

	KeyResultChart(ObjectMapper json) {
		this.json = json;
	}

	/**
	 * @param checkIns newest first, as the API lists them; null without a chart
	 * @param text the page's words for the series, by name: value, expected, target, min, max, forecast, interval
	 */
	String option(OkrViews.KeyResultView kr, OkrViews.CycleView cycle, List<OkrViews.CheckInView> checkIns,
			UnaryOperator<String> text) {
		if (kr.type() == KeyResultType.MILESTONE) {
			return null;
		}
		String start = day(cycle.startDate());
		String due = day(kr.dueDate() != null ? kr.dueDate() : cycle.endDate());
		List<Object> series = new ArrayList<>();
		// one point a day, the day's last value: two check-ins on one day drew a vertical jump nobody could read
		Map<LocalDate, Object[]> byDay = new LinkedHashMap<>();
		for (int i = checkIns.size() - 1; i >= 0; i--) {
			OkrViews.CheckInView c = checkIns.get(i);
			if (c.value() != null) {
				byDay.put(LocalDate.ofInstant(c.at(), ZoneOffset.UTC), new Object[] { c.at().toString(), c.value() });
			}
		}
		List<Object[]> values = new ArrayList<>(byDay.values());
		series.add(line(text.apply("value"), values, "#0b5cad", "solid", 2.5, true));
		if (kr.startValue() != null && kr.targetValue() != null) {
			series.add(line(text.apply("expected"), List.of(new Object[] { start, kr.startValue() },
					new Object[] { due, kr.targetValue() }), "#7b8794", "dashed", 1.5, false));
			series.add(line(text.apply("target"), List.of(new Object[] { start, kr.targetValue() },
					new Object[] { due, kr.targetValue() }), "#1e7b34", "dotted", 1.5, false));
		}
		if (kr.minValue() != null && kr.maxValue() != null) {
			// the two edges of the range are one thing to a reader: one name, one entry in the legend
			series.add(line(text.apply("within"), List.of(new Object[] { start, kr.minValue() }, new Object[] { due, kr.minValue() }),
					"#1e7b34", "dotted", 1.5, false));
			series.add(line(text.apply("within"), List.of(new Object[] { start, kr.maxValue() }, new Object[] { due, kr.maxValue() }),
					"#1e7b34", "dotted", 1.5, false));
		}
		OkrViews.ForecastView f = kr.forecast();
		if (f != null && f.available() && !values.isEmpty()) {
			Object[] last = values.get(values.size() - 1);
			String at = f.at().toString();
			series.add(line(text.apply("forecast"), List.of(last, new Object[] { at, f.projectedValue() }), "#9a5b00", "dashed", 2,
					false));
			series.add(line(text.apply("interval"), List.of(last, new Object[] { at, f.low() }), "#d9a441", "dotted", 1, false));
			series.add(line(text.apply("interval"), List.of(last, new Object[] { at, f.high() }), "#d9a441", "dotted", 1,
					false));
		}
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("grid", Map.of("left", 48, "right", 16, "top", 32, "bottom", 34));
		option.put("tooltip", Map.of("trigger", "axis"));
		// every line drawn has its entry in the legend, once
		option.put("legend", Map.of("top", 0, "data", series.stream()
			.map(line -> ((Map<?, ?>) line).get("name"))
			.distinct()
			.toList()));
		option.put("xAxis", Map.of("type", "time", "min", start, "max", due));
		option.put("yAxis", Map.of("type", "value", "scale", true, "name", kr.unit() == null ? "" : kr.unit()));
		option.put("series", series);
		return json.writeValueAsString(option);
	}

	private static Map<String, Object> line(String name, List<Object[]> data, String colour, String style,
			double width, boolean symbols) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("name", name);
		line.put("type", "line");
		line.put("data", data);
		line.put("showSymbol", symbols);
		line.put("symbolSize", 7);
		line.put("lineStyle", Map.of("color", colour, "type", style, "width", width));
		line.put("itemStyle", Map.of("color", colour));
		return line;
	}

	private static String day(LocalDate date) {
		return date.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
	}
}
