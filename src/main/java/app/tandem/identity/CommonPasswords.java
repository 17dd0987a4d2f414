package app.tandem.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords attackers try first: Openwall's list of 3,546 (public domain, shipped as
 * {@code identity/common-passwords.txt}), compared without regard to case.
 */
final class CommonPasswords {

	private static final Set<String> LIST = load();

	private CommonPasswords() {
	}

	static boolean contains(String password) {
		return LIST.contains(password.toLowerCase(Locale.ROOT));
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>();
		try (InputStream in = CommonPasswords.class.getResourceAsStream("/identity/common-passwords.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.startsWith("#!comment:") && !line.isEmpty()) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the list of common passwords", e);
		}
		return Set.copyOf(passwords);
	}
}
