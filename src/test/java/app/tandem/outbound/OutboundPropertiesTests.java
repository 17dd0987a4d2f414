package app.tandem.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code tandem.outbound.allowed-hosts} reaches the guard, and a wrong entry stops the start. */
class OutboundPropertiesTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OutboundProperties.class)
	@Import({ OutboundGuard.class, OutboundHttp.class })
	static class Outbound {
	}

	private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Outbound.class);

	@Test
	void theAllowedHostsReachTheGuard() {
		context.withPropertyValues("tandem.outbound.allowed-hosts=127.0.0.2, 10.0.0.0/8,[fd00::1]").run(started -> {
			OutboundGuard guard = started.getBean(OutboundGuard.class);
			assertThat(started).hasSingleBean(OutboundHttp.class);
			assertThat(guard.check("http://127.0.0.2:8080/hook")).isNotNull();
			assertThat(guard.check("http://10.1.1.1/hook")).isNotNull();
			assertThat(guard.check("http://[fd00::1]/hook")).isNotNull();
			assertThatThrownBy(() -> guard.check("http://127.0.0.1/hook")).isInstanceOf(OutboundRefused.class);
		});
	}

	@Test
	void withoutTheSettingNothingInternalIsAllowed() {
		context.run(started -> assertThatThrownBy(() -> started.getBean(OutboundGuard.class).check("http://10.1.1.1/"))
			.isInstanceOf(OutboundRefused.class));
	}

	@Test
	void aWrongEntryStopsTheStartNamingIt() {
		context.withPropertyValues("tandem.outbound.allowed-hosts=10.0.0.0/8,0177.0.0.1")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tandem.outbound.allowed-hosts: 0177.0.0.1 is not a host name"));
	}
}
