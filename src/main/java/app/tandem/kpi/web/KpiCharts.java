package app.tandem.kpi.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import app.tandem.kpi.KpiView;
import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.BucketValue;
import tools.jackson.databind.ObjectMapper;

/**
 * A KPI's charts as ECharts options (JSON, drawn by tandem.js): the board's sparkline of its recent period values,
 * and the detail's series with the target line, the bands of its status (green, amber, red) and where the forecast
 * leads with its 80 % interval.
 */
final class KpiCharts {

	private static final String INK = "#0b5cad";

	private final ObjectMapper json;

	KpiCharts(ObjectMapper json) {
		this.json = json;
	}

	/** A line without axes, legend or tooltip: the shape of the last periods. Null with fewer than two values. */
	String sparkline(List<BucketValue> recent) {
		int first = 0;
		while (first < recent.size() && recent.get(first).value() == null) {
			first++;
		}
		List<BucketValue> values = recent.subList(first, recent.size());
		List<Object> data = values.stream().map(v -> v.value() == null ? (Object) "-" : v.value()).toList();
		if (values.stream().filter(v -> v.value() != null).count() < 2) {
			return null;
		}
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", "line");
		line.put("data", data);
		line.put("showSymbol", false);
		line.put("silent", true);
		line.put("lineStyle", Map.of("color", INK, "width", 2));
		line.put("areaStyle", Map.of("color", INK, "opacity", 0.08));
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("grid", Map.of("left", 2, "right", 2, "top", 4, "bottom", 4));
		option.put("xAxis", Map.of("type", "category", "show", false, "boundaryGap", false));
		option.put("yAxis", Map.of("type", "value", "show", false, "scale", true));
		option.put("series", List.of(line));
		return json.writeValueAsString(option);
	}

	/**
	 * The series per bucket (start of each bucket on a time axis, gaps left open), the target as a line and the
	 * status bands behind it, and the forecast from the newest value.
	 *
	 * @param all the series from the start of the window, the buckets before the first value left out here
	 * @param text the chart's words by message key (value, target, forecast, interval, green, amber, red)
	 */
	String series(KpiView kpi, Bucket bucket, List<BucketValue> all, Instant to, Function<String, String> text) {
		// from the bucket before the first value: a new KPI's chart is not a year of nothing
		int first = 0;
		while (first < all.size() - 1 && all.get(first).value() == null) {
			first++;
		}
		List<BucketValue> items = all.subList(Math.max(0, first - 1), all.size());
		Instant from = items.isEmpty() ? to : items.get(0).start();
		List<Object[]> data = new ArrayList<>();
		List<Double> seen = new ArrayList<>();
		Object[] last = null;
		for (BucketValue item : items) {
			Object[] point = { item.start().toString(), item.value() == null ? "-" : item.value() };
			data.add(point);
			if (item.value() != null) {
				seen.add(item.value());
				last = point;
			}
		}
		List<Object> series = new ArrayList<>();
		Map<String, Object> values = line(text.apply("value"), data, INK, "solid", 2.5, true);
		List<Double> limits = new ArrayList<>(seen);
		limits(kpi).forEach(limits::add);
		KpiView.Forecast f = kpi.forecast();
		boolean forecast = f != null && f.available() && f.at() != null && f.projectedValue() != null && last != null;
		if (forecast) {
			limits.add(f.projectedValue());
			if (f.low() != null && f.high() != null) {
				limits.add(f.low());
				limits.add(f.high());
			}
		}
		double min = limits.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		double max = limits.stream().mapToDouble(Double::doubleValue).max().orElse(1);
		double pad = max > min ? (max - min) * 0.08 : Math.max(1, Math.abs(max) * 0.1);
		double step = Math.pow(10, Math.floor(Math.log10(max - min + 2 * pad)) - 1);
		double low = Math.floor((min - pad) / step) * step;
		double high = Math.ceil((max + pad) / step) * step;
		List<Object> bands = bands(kpi, low, high, text);
		if (!bands.isEmpty()) {
			values.put("markArea", Map.of("silent", true, "data", bands));
		}
		List<Object> marks = marks(kpi, text);
		if (!marks.isEmpty()) {
			values.put("markLine", Map.of("silent", true, "symbol", "none", "data", marks));
		}
		values.put("connectNulls", false);
		series.add(values);
		Instant end = to;
		if (forecast) {
			String at = f.at().toString();
			series.add(line(text.apply("forecast"), List.of(last, new Object[] { at, f.projectedValue() }), "#9a5b00",
					"dashed", 2, false));
			if (f.low() != null && f.high() != null) {
				series.add(line(text.apply("interval"), List.of(last, new Object[] { at, f.low() }), "#d9a441", "dotted",
						1, false));
				series.add(line(text.apply("interval"), List.of(last, new Object[] { at, f.high() }), "#d9a441",
						"dotted", 1, false));
			}
			Instant after = bucket.next(f.at());
			end = after.isAfter(to) ? after : to;
		}
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("grid", Map.of("left", 56, "right", 24, "top", 36, "bottom", 34));
		option.put("tooltip", Map.of("trigger", "axis"));
		option.put("legend", Map.of("top", 0, "data", forecast ? List.of(text.apply("value"), text.apply("forecast"))
				: List.of(text.apply("value"))));
		option.put("xAxis", Map.of("type", "time", "min", from.toString(), "max", end.toString()));
		option.put("yAxis", Map.of("type", "value", "min", low, "max", high, "name",
				kpi.unit() == null ? "" : kpi.unit()));
		option.put("series", series);
		return json.writeValueAsString(option);
	}

	/** The numbers the axis must show besides the values: target and warning, or the range with its margin. */
	private static List<Double> limits(KpiView kpi) {
		List<Double> limits = new ArrayList<>();
		if ("WITHIN_RANGE".equals(kpi.direction())) {
			double margin = kpi.warningMargin() == null ? 0 : kpi.warningMargin();
			if (kpi.lowerBound() != null) {
				limits.add(kpi.lowerBound() - margin);
			}
			if (kpi.upperBound() != null) {
				limits.add(kpi.upperBound() + margin);
			}
		}
		else {
			if (kpi.target() != null) {
				limits.add(kpi.target());
			}
			if (kpi.warningThreshold() != null) {
				limits.add(kpi.warningThreshold());
			}
		}
		return limits;
	}

	/** Green where the status is green, amber between warning and target, red beyond the warning. */
	private static List<Object> bands(KpiView kpi, double low, double high, Function<String, String> text) {
		List<Object> bands = new ArrayList<>();
		if ("WITHIN_RANGE".equals(kpi.direction())) {
			if (kpi.lowerBound() == null || kpi.upperBound() == null) {
				return bands;
			}
			double margin = kpi.warningMargin() == null ? 0 : kpi.warningMargin();
			band(bands, kpi.lowerBound(), kpi.upperBound(), GREEN, text.apply("green"));
			if (margin > 0) {
				band(bands, kpi.lowerBound() - margin, kpi.lowerBound(), AMBER, null);
				band(bands, kpi.upperBound(), kpi.upperBound() + margin, AMBER, text.apply("amber"));
			}
			band(bands, low, kpi.lowerBound() - margin, RED, null);
			band(bands, kpi.upperBound() + margin, high, RED, text.apply("red"));
			return bands;
		}
		if (kpi.target() == null) {
			return bands;
		}
		boolean higher = "HIGHER_IS_BETTER".equals(kpi.direction());
		double target = kpi.target();
		double warning = kpi.warningThreshold() != null ? kpi.warningThreshold() : target;
		if (higher) {
			band(bands, target, high, GREEN, text.apply("green"));
			band(bands, warning, target, AMBER, text.apply("amber"));
			band(bands, low, warning, RED, text.apply("red"));
		}
		else {
			band(bands, low, target, GREEN, text.apply("green"));
			band(bands, target, warning, AMBER, text.apply("amber"));
			band(bands, warning, high, RED, text.apply("red"));
		}
		return bands;
	}

	private static final String GREEN = "rgba(30, 123, 52, 0.08)";

	private static final String AMBER = "rgba(217, 142, 4, 0.14)";

	private static final String RED = "rgba(180, 35, 24, 0.07)";

	private static void band(List<Object> bands, double from, double to, String colour, String label) {
		if (to <= from) {
			return;
		}
		Map<String, Object> start = new LinkedHashMap<>();
		start.put("yAxis", from);
		start.put("itemStyle", Map.of("color", colour));
		if (label != null) {
			start.put("label", Map.of("show", true, "position", "insideLeft", "color", "#52606d", "fontSize", 11,
					"formatter", label));
		}
		else {
			start.put("label", Map.of("show", false));
		}
		bands.add(List.of(start, Map.of("yAxis", to)));
	}

	/** The target (or the range's bounds) as dashed lines. */
	private static List<Object> marks(KpiView kpi, Function<String, String> text) {
		List<Object> marks = new ArrayList<>();
		if ("WITHIN_RANGE".equals(kpi.direction())) {
			if (kpi.lowerBound() != null) {
				marks.add(mark(kpi.lowerBound(), text.apply("lower")));
			}
			if (kpi.upperBound() != null) {
				marks.add(mark(kpi.upperBound(), text.apply("upper")));
			}
		}
		else if (kpi.target() != null) {
			marks.add(mark(kpi.target(), text.apply("target")));
		}
		return marks;
	}

	private static Map<String, Object> mark(double y, String name) {
		return Map.of("yAxis", y, "name", name, "lineStyle", Map.of("color", "#1e7b34", "type", "dashed", "width", 1.5),
				"label", Map.of("formatter", name, "position", "insideEndTop", "color", "#1e7b34"));
	}

	private static Map<String, Object> line(String name, List<Object[]> data, String colour, String style,
			double width, boolean symbols) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("name", name);
		line.put("type", "line");
		line.put("data", data);
		line.put("showSymbol", symbols);
		line.put("symbolSize", 6);
		line.put("lineStyle", Map.of("color", colour, "type", style, "width", width));
		line.put("itemStyle", Map.of("color", colour));
		return line;
	}
}
