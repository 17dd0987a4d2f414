package app.tandem.coach;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import app.tandem.coach.domain.CoachThresholds;

import static org.assertj.core.api.Assertions.assertThat;

/** tandem.coach.*: SPEC's numbers by default, other ones if they make sense, and no start otherwise. */
class CoachPropertiesTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CoachProperties.class)
	static class Properties {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class);

	@Test
	void theDefaultsAreTheSpecifications() {
		runner.run(context -> assertThat(context.getBean(CoachProperties.class).thresholds())
			.isEqualTo(CoachThresholds.DEFAULTS));
	}

	@Test
	void eachThresholdCanBeSet() {
		runner.withPropertyValues("tandem.coach.min-key-results=3", "tandem.coach.max-key-results=4",
				"tandem.coach.max-kpis-per-team=10", "tandem.coach.max-milestone-share=0.25")
			.run(context -> assertThat(context.getBean(CoachProperties.class).thresholds())
				.isEqualTo(new CoachThresholds(3, 4, 10, 0.25)));
	}

	@Test
	void thresholdsThatMakeNoSenseStopTheStart() {
		for (String wrong : new String[] { "tandem.coach.max-key-results=1", "tandem.coach.min-key-results=0",
				"tandem.coach.max-kpis-per-team=0", "tandem.coach.max-milestone-share=1",
				"tandem.coach.max-milestone-share=-0.1" }) {
			runner.withPropertyValues(wrong).run(context -> assertThat(context).as(wrong).hasFailed());
		}
	}
}
