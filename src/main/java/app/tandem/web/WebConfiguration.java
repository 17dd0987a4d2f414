package app.tandem.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

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

	/**
	 * The static files, each path on its own, their URLs carrying a hash of their content, cached for a year. Not
	 * Boot's default {@code /**}: the resource chain is asked about every link a page renders (to version it), and
	 * under {@code /**} every link, {@code /okrs/objectives/…} included, was looked for as a file in the jar and not
	 * found, uncached: about a third of the CPU of a page with many links.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl year = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
		for (String folder : List.of("css", "js")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(year)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/").setCacheControl(year);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(year)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
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
