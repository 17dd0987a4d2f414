package app.tandem.coach;

import app.tandem.coach.domain.CoachThresholds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The coach's thresholds ({@code tandem.coach.*}); the defaults are SPEC §1's. Checked at start:
 * Tandem refuses to start with values that make no sense (a maximum below the minimum).
 *
 * @param minKeyResults an objective with fewer key results (but some) is OKR-002
 * @param maxKeyResults an objective with more key results is OKR-003
 * @param maxKpisPerTeam a team tracking more KPIs is KPI-001
 * @param maxMilestoneShare an objective whose share of milestone key results is larger is OKR-006
 */
@Validated
@ConfigurationProperties("tandem.coach")
record CoachProperties(@DefaultValue("2") @Min(1) int minKeyResults, @DefaultValue("5") @Min(1) int maxKeyResults,
		@DefaultValue("7") @Min(1) int maxKpisPerTeam,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double maxMilestoneShare) {

	CoachProperties {
		if (maxKeyResults < minKeyResults) {
			throw new IllegalArgumentException("tandem.coach.max-key-results (" + maxKeyResults
					+ ") must not be below tandem.coach.min-key-results (" + minKeyResults + ")");
		}
	}

	CoachThresholds thresholds() {
		return new CoachThresholds(minKeyResults, maxKeyResults, maxKpisPerTeam, maxMilestoneShare);
	}
}
