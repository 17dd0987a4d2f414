package app.tandem.kpi.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each value of an upload will do to what is stored, before anything is: a new value, a replacement of the
 * value stored at the same instant (or the same value again, which changes nothing), or one more value in a UTC
 * day that has others, with what the day's value becomes under the KPI's aggregation.
 */
public final class ValueEffects {

	private ValueEffects() {
	}

	public enum Action {
		/** Nothing is stored at that instant, nor on that day. */
		NEW,
		/** A different value is stored at that instant: this one replaces it. */
		REPLACES,
		/** The same value is stored at that instant: nothing changes. */
		SAME,
		/** The day has other values (stored or in the upload): the day's value combines them. */
		JOINS_DAY
	}

	/**
	 * @param stored the value stored at the same instant (REPLACES, SAME), else null
	 * @param dayValue the day's value once the upload is stored, when the day has more than this value; else null
	 * @param valuesThatDay how many values the day will have
	 */
	public record Effect(Action action, Double stored, Double dayValue, int valuesThatDay) {
	}

	/**
	 * @param rows the upload's values in its order, each instant once (an upload that repeats an instant with
	 *     another value is refused before)
	 * @param stored the values stored on the UTC days of the rows (others are ignored)
	 */
	public static List<Effect> of(List<Point> rows, List<Point> stored, Aggregation aggregation) {
		Objects.requireNonNull(aggregation, "aggregation");
		Map<Instant, Double> storedAt = new HashMap<>();
		stored.forEach(p -> storedAt.put(p.at(), p.value()));
		// each day as it will be: what is stored, with the upload's values over it
		Map<LocalDate, Map<Instant, Point>> days = new LinkedHashMap<>();
		stored.forEach(p -> days.computeIfAbsent(day(p.at()), d -> new HashMap<>()).put(p.at(), p));
		rows.forEach(p -> days.computeIfAbsent(day(p.at()), d -> new HashMap<>()).put(p.at(), p));
		List<Effect> effects = new ArrayList<>(rows.size());
		for (Point row : rows) {
			Map<Instant, Point> day = days.get(day(row.at()));
			Double before = storedAt.get(row.at());
			Action action = before != null ? (before == row.value() ? Action.SAME : Action.REPLACES)
					: day.size() > 1 ? Action.JOINS_DAY : Action.NEW;
			Double dayValue = day.size() > 1 ? aggregation.combine(List.copyOf(day.values())) : null;
			effects.add(new Effect(action, before, dayValue, day.size()));
		}
		return effects;
	}

	/** The UTC day of an instant, as periods are counted. */
	public static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}
}
