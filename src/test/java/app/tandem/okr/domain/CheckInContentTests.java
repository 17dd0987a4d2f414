package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A check-in changes only what it carries (SPEC §1, check-ins): what it may carry, and what it leaves as it was. */
class CheckInContentTests {

	private static final KeyResultDefinition MILESTONE = new KeyResultDefinition(KeyResultType.MILESTONE, null, null,
			null, null, 1, LocalDate.of(2026, 12, 31));

	private static final KeyResultDefinition RANGE = new KeyResultDefinition(KeyResultType.THRESHOLD, null, null, 40.0,
			80.0, 1, LocalDate.of(2026, 12, 31));

	@Test
	void aNoteOnADoneMilestoneLeavesItDone() {
		Measured done = Measured.NOTHING.then(null, true, true, false);

		Measured afterNote = done.then(null, null, true, false);

		assertThat(afterNote.latestAchieved()).isTrue();
		assertThat(KeyResultProgress.of(MILESTONE, afterNote)).isEqualTo(1.0);
		assertThat(KeyResultProgress.of(MILESTONE, afterNote.then(null, false, true, false)))
			.as("only an explicit false un-achieves").isZero();
	}

	@Test
	void aCheckInWithoutAValueKeepsTheValueAndStaysOutOfTheTally() {
		Measured inRange = Measured.NOTHING.then(50.0, null, true, true);

		Measured afterNote = inRange.then(null, null, true, false);

		assertThat(afterNote.latestValue()).isEqualTo(50.0);
		assertThat(afterNote.cycleCheckIns()).isEqualTo(1);
		assertThat(KeyResultProgress.of(RANGE, afterNote)).isEqualTo(1.0);
		assertThat(afterNote.then(90.0, null, true, false).cycleCheckIns()).isEqualTo(2);
		assertThat(afterNote.then(90.0, null, false, false).cycleCheckIns()).as("outside the cycle").isEqualTo(1);
	}

	@Test
	void aConfidenceOrANoteIsEnoughWithoutAValue() {
		assertThat(CheckInContent.problems(KeyResultType.INCREASE, null, null, 4, null)).isEmpty();
		assertThat(CheckInContent.problems(KeyResultType.MILESTONE, null, null, null, "Launch party")).isEmpty();
		assertThat(CheckInContent.problems(KeyResultType.MILESTONE, null, false, null, null)).isEmpty();
		assertThat(CheckInContent.problems(KeyResultType.THRESHOLD, 3.0, null, null, null)).isEmpty();
	}

	@Test
	void aCheckInThatCarriesNothingNamesWhatIsMissing() {
		assertThat(fields(CheckInContent.problems(KeyResultType.INCREASE, null, null, null, " "))).containsExactly("value");
		assertThat(fields(CheckInContent.problems(KeyResultType.INCREASE, null, true, null, null)))
			.as("achieved says nothing of a number").containsExactly("value");
		assertThat(fields(CheckInContent.problems(KeyResultType.MILESTONE, null, null, null, null)))
			.containsExactly("achieved");
	}

	@Test
	void confidenceIsAWholeNumberFromZeroToTen() {
		assertThat(CheckInContent.problems(KeyResultType.INCREASE, 1.0, null, 0, null)).isEmpty();
		assertThat(CheckInContent.problems(KeyResultType.INCREASE, 1.0, null, 10, null)).isEmpty();
		assertThat(fields(CheckInContent.problems(KeyResultType.INCREASE, 1.0, null, 11, null)))
			.containsExactly("confidence");
		assertThat(fields(CheckInContent.problems(KeyResultType.INCREASE, 1.0, null, -1, null)))
			.containsExactly("confidence");
	}

	private static List<String> fields(List<String[]> problems) {
		return problems.stream().map(p -> p[0]).toList();
	}
}
