package app.tandem.okr.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;

/**
 * The cycle the new-cycle form offers, so that most admins only press "Create": the calendar quarter of today when
 * no cycle reaches today, else the quarter after the last cycle's end. Named as the demo and most teams name
 * quarters, {@code 2027-Q1}.
 */
public record SuggestedCycle(String name, LocalDate start, LocalDate end) {

	/** {@code ends}: the last days of the cycles there are (any order, possibly none). */
	public static SuggestedCycle after(Collection<LocalDate> ends, LocalDate today) {
		LocalDate lastEnd = ends.stream().max(Comparator.naturalOrder()).orElse(null);
		LocalDate day = lastEnd == null || lastEnd.isBefore(today) ? today : lastEnd.plusDays(1);
		return quarterOf(day);
	}

	static SuggestedCycle quarterOf(LocalDate day) {
		int quarter = (day.getMonthValue() - 1) / 3 + 1;
		LocalDate start = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
		return new SuggestedCycle(day.getYear() + "-Q" + quarter, start, start.plusMonths(3).minusDays(1));
	}
}
