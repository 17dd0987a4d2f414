package app.tandem.kpi.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** A calendar period of a series, in UTC: weeks start on Monday, quarters on 1 January, April, July and October. */
public enum Bucket {
	DAY, WEEK, MONTH, QUARTER;

	/** The start of the bucket holding t (t itself when it is a start). */
	public Instant startOf(Instant t) {
		LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
		return atMidnight(switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
		});
	}

	/** The start of the following bucket; any instant of a bucket gives the same answer as its start. */
	public Instant next(Instant start) {
		LocalDate first = LocalDate.ofInstant(startOf(start), ZoneOffset.UTC);
		return atMidnight(switch (this) {
			case DAY -> first.plusDays(1);
			case WEEK -> first.plusWeeks(1);
			case MONTH -> first.plusMonths(1);
			case QUARTER -> first.plusMonths(3);
		});
	}

	private static Instant atMidnight(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}
