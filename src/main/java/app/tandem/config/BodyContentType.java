package app.tandem.config;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A body sent as {@code Content-Type: *}{@code /*} (or {@code application/*}, or a header that is no media type)
 * says nothing of its format. Spring cannot even start choosing a reader for it (it fails with an internal error),
 * so an operation that reads a body refuses it first, with 415 naming the types it reads, as it does for a
 * concrete type it does not read.
 */
class BodyContentType implements HandlerInterceptor {

	private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

	BodyContentType(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		this.adapter = adapter;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotSupportedException {
		String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (sent == null || !(handler instanceof HandlerMethod method) || usable(sent)) {
			return true;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				throw new HttpMediaTypeNotSupportedException(sent, readersOf(parameter.getParameterType()));
			}
		}
		return true;
	}

	private static boolean usable(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	private List<MediaType> readersOf(Class<?> body) {
		return adapter.getObject().getMessageConverters().stream()
			.filter(converter -> converter.canRead(body, null))
			.flatMap(converter -> converter.getSupportedMediaTypes(body).stream())
			.toList();
	}
}
