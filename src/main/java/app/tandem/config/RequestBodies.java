package app.tandem.config;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import tools.jackson.databind.JacksonModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How request bodies are read: strings without control characters ({@link PlainTextStrings}), in JSON (Boot's
 * mapper takes every {@link JacksonModule} bean) and in YAML, which the API reads too (Spring registers its YAML
 * converter with a mapper of its own, so it gets the module here).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies {

	@Bean
	JacksonModule plainTextStrings() {
		return PlainTextStrings.MODULE;
	}

	@Bean
	ServerHttpMessageConvertersCustomizer yamlWithPlainTextStrings() {
		return converters -> converters
			.withYamlConverter(new JacksonYamlHttpMessageConverter(YAMLMapper.builder().addModule(PlainTextStrings.MODULE)));
	}
}
