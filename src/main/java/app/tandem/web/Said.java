package app.tandem.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A refusal beside a field in the page's language. The forms and the domain refuse input in English sentences
 * (the API answers them as they are); a German page looks each up in {@code refusals_de.properties}, keyed by the
 * English sentence, and shows the English one only for a sentence not there yet. Templates call
 * {@code ${@said.error(errors.get('field'))}}.
 */
@Component("said")
public class Said {

	private final Properties german = new Properties();

	Said() throws IOException {
		try (var in = new InputStreamReader(new ClassPathResource("refusals_de.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			german.load(in);
		}
	}

	public String error(String english) {
		if (english == null || !"de".equals(LocaleContextHolder.getLocale().getLanguage())) {
			return english;
		}
		// several refusals of one field come joined by "; "
		StringBuilder said = new StringBuilder();
		for (String part : english.split("; ")) {
			said.append(said.isEmpty() ? "" : "; ").append(german(part.strip()));
		}
		return said.toString();
	}

	/** The sentence in German, or one that starts with a known beginning ending in ": " (the rest is the input). */
	private String german(String part) {
		String whole = german.getProperty(part);
		if (whole != null) {
			return whole;
		}
		for (String start : german.stringPropertyNames()) {
			if (start.endsWith(": ") && part.startsWith(start)) {
				return german.getProperty(start) + part.substring(start.length());
			}
		}
		return part;
	}
}
