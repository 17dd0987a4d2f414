package app.tandem.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak English or German: the browser's preferred language first; {@code ?lang=de} (the switch in the user
 * menu) changes it and a cookie keeps the choice, so any node serves it the same.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

	private final ShellInterceptor shell;

	WebConfiguration(ShellInterceptor shell) {
		this.shell = shell;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("TANDEM_LANG");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(request -> {
			for (var range : java.util.Collections.list(request.getLocales())) {
				for (Locale language : LANGUAGES) {
					if (language.getLanguage().equals(range.getLanguage())) {
						return language;
					}
				}
			}
			return Locale.ENGLISH;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor language = new LocaleChangeInterceptor();
		language.setParamName("lang");
		language.setIgnoreInvalidLocale(true);
		registry.addInterceptor(language).excludePathPatterns("/api/**");
		registry.addInterceptor(shell).excludePathPatterns("/api/**", "/actuator/**");
	}
}
