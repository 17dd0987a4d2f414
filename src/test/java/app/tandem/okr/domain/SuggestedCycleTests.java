package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestedCycleTests {

	@Test
	void withoutCyclesTheQuarterOfToday() {
		assertThat(SuggestedCycle.after(List.of(), LocalDate.of(2026, 12, 7)))
			.isEqualTo(new SuggestedCycle("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
		assertThat(SuggestedCycle.after(List.of(), LocalDate.of(2027, 2, 28)))
			.isEqualTo(new SuggestedCycle("2027-Q1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)));
	}

	@Test
	void afterTheLastCycleTheQuarterThatFollowsIt() {
		var ends = List.of(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 6, 30));
		assertThat(SuggestedCycle.after(ends, LocalDate.of(2026, 12, 7)))
			.isEqualTo(new SuggestedCycle("2027-Q1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)));
	}

	@Test
	void cyclesThatEndedLongAgoSuggestTodaysQuarter() {
		assertThat(SuggestedCycle.after(List.of(LocalDate.of(2025, 3, 31)), LocalDate.of(2026, 5, 1)))
			.isEqualTo(new SuggestedCycle("2026-Q2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
	}
}
