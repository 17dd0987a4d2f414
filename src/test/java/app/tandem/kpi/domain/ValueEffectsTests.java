package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueEffectsTests {

	private static Point at(String instant, double value) {
		return new Point(Instant.parse(instant), value);
	}

	@Test
	void aValueOnAnEmptyDayIsNewAndOneAtAStoredInstantReplacesItOrChangesNothing() {
		var effects = ValueEffects.of(List.of(at("2026-11-02T09:00:00Z", 5), at("2026-11-03T09:00:00Z", 7),
				at("2026-11-04T09:00:00Z", 8)), List.of(at("2026-11-03T09:00:00Z", 6), at("2026-11-04T09:00:00Z", 8)),
				Aggregation.SUM);
		assertThat(effects).extracting(ValueEffects.Effect::action).containsExactly(ValueEffects.Action.NEW,
				ValueEffects.Action.REPLACES, ValueEffects.Action.SAME);
		assertThat(effects.get(1).stored()).isEqualTo(6);
		assertThat(effects.get(0).dayValue()).isNull();
	}

	@Test
	void aSecondValueInADaySaysWhatTheDaysValueBecomesUnderEachAggregation() {
		List<Point> stored = List.of(at("2026-11-05T08:00:00Z", 10));
		List<Point> rows = List.of(at("2026-11-05T17:00:00Z", 4));
		assertThat(ValueEffects.of(rows, stored, Aggregation.SUM).get(0))
			.isEqualTo(new ValueEffects.Effect(ValueEffects.Action.JOINS_DAY, null, 14.0, 2));
		assertThat(ValueEffects.of(rows, stored, Aggregation.LAST).get(0).dayValue()).isEqualTo(4);
		assertThat(ValueEffects.of(rows, stored, Aggregation.AVG).get(0).dayValue()).isEqualTo(7);
		assertThat(ValueEffects.of(rows, stored, Aggregation.MAX).get(0).dayValue()).isEqualTo(10);
		assertThat(ValueEffects.of(List.of(at("2026-11-05T07:00:00Z", 4)), stored, Aggregation.LAST).get(0).dayValue())
			.as("an earlier value does not become the day's last").isEqualTo(10);
	}

	@Test
	void twoValuesOfTheUploadInOneEmptyDayBothJoinIt() {
		var effects = ValueEffects.of(List.of(at("2026-11-06T01:00:00Z", 1), at("2026-11-06T23:00:00Z", 2)), List.of(),
				Aggregation.SUM);
		assertThat(effects).extracting(ValueEffects.Effect::action).containsOnly(ValueEffects.Action.JOINS_DAY);
		assertThat(effects).extracting(ValueEffects.Effect::dayValue).containsOnly(3.0);
	}

	@Test
	void aReplacementInADayWithOtherValuesCountsTheNewValueNotTheOld() {
		var effects = ValueEffects.of(List.of(at("2026-11-07T09:00:00Z", 1)),
				List.of(at("2026-11-07T09:00:00Z", 100), at("2026-11-07T10:00:00Z", 2)), Aggregation.SUM);
		assertThat(effects.get(0).action()).isEqualTo(ValueEffects.Action.REPLACES);
		assertThat(effects.get(0).valuesThatDay()).isEqualTo(2);
		assertThat(effects.get(0).dayValue()).as("the new value and the day's other one").isEqualTo(3);
	}
}
