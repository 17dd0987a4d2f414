package app.tandem.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import app.tandem.shared.ControlCharacters;
import app.tandem.shared.InvalidInputException;

/**
 * The text of query parameters and form fields passes {@link ControlCharacters} before any handler reads it: a
 * refused one is 400 naming the parameter (problem+json for the API, the error page for pages), nothing read or
 * stored. Bodies in JSON or YAML are checked as they are read ({@link PlainTextStrings}).
 */
class ParameterText implements HandlerInterceptor {

	/** Tomcat names the parameter it could not decode: "Parameter [cursor] with value [�] has been ignored". */
	private static final Pattern NAMED = Pattern.compile("Parameter \\[([^\\]]*)\\]");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			// static files read no parameters (and only a handler's refusal finds its answer: API or page)
			return true;
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		for (Map.Entry<String, String[]> parameter : parametersOf(request).entrySet()) {
			for (String value : parameter.getValue()) {
				String problem = ControlCharacters.problemIn(value);
				if (problem != null) {
					problems.add(JsonPaths.shown(parameter.getKey()), problem);
					break;
				}
			}
		}
		problems.throwIfAny();
		return true;
	}

	/** The parameters, or 400 when the container cannot decode them (bad percent-encoding, too many). */
	private static Map<String, String[]> parametersOf(HttpServletRequest request) {
		try {
			return request.getParameterMap();
		}
		catch (InvalidParameterException e) {
			Matcher name = NAMED.matcher(String.valueOf(e.getMessage()));
			if (name.find()) {
				throw InvalidInputException.of(JsonPaths.shown(name.group(1)), "is not valid percent-encoded UTF-8 text");
			}
			throw InvalidInputException.of("", "the query or form cannot be read: malformed or too many parameters");
		}
	}
}
