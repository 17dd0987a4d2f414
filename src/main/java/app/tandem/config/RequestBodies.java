package app.tandem.config;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How request bodies are read: strings without control characters ({@link PlainTextStrings}), dates and instants
 * in years a database and a backup can hold ({@link CalendarDates}), whole numbers without a fraction and enum
 * constants without control characters ({@link ScalarChecks}); in JSON (Boot's mapper takes every
 * {@link JacksonModule} bean) and in YAML, which the API reads too (Spring registers its YAML converter with a
 * mapper of its own, so it gets the module here).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies {

	static final SimpleModule MODULE = new SimpleModule("tandem-request-values")
		.addDeserializer(String.class, new PlainTextStrings())
		.addDeserializer(java.time.LocalDate.class, new CalendarDates.Dates())
		.addDeserializer(java.time.Instant.class, new CalendarDates.Instants())
		.setDeserializerModifier(new ScalarChecks());

	@Bean
	JacksonModule requestValues() {
		return MODULE;
	}

	@Bean
	ServerHttpMessageConvertersCustomizer yamlWithRequestValues() {
		return converters -> converters
			.withYamlConverter(new JacksonYamlHttpMessageConverter(YAMLMapper.builder().addModule(MODULE)));
	}
}
