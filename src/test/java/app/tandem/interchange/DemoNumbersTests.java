package app.tandem.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoNumbersTests {

	@Test
	void countsAreWholePercentagesStayInTheirRangeHoursKeepADecimal() {
		assertThat(DemoNumbers.plausible(41757.44, "visitors")).isEqualTo(41757);
		assertThat(DemoNumbers.plausible(89.54, "customers")).isEqualTo(90);
		assertThat(DemoNumbers.plausible(-0.4, "leads")).isZero();
		assertThat(DemoNumbers.plausible(104.82, "%")).isEqualTo(100);
		assertThat(DemoNumbers.plausible(97.26, "% same day")).isEqualTo(97.3);
		assertThat(DemoNumbers.plausible(-3, "%")).isZero();
		assertThat(DemoNumbers.plausible(2.345, "hours")).isEqualTo(2.3);
		assertThat(DemoNumbers.plausible(251.6, "USD")).isEqualTo(252);
		assertThat(DemoNumbers.plausible(3.14159, null)).isEqualTo(3.1);
	}
}
