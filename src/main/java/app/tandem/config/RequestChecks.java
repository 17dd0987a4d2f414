package app.tandem.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** Checks every handler's request passes before the handler reads it: the body's type, the parameters' text. */
@Configuration(proxyBeanMethods = false)
class RequestChecks implements WebMvcConfigurer {

	private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

	RequestChecks(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		this.adapter = adapter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new BodyContentType(adapter));
		registry.addInterceptor(new ParameterText());
	}
}
