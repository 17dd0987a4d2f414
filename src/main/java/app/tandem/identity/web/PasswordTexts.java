package app.tandem.identity.web;

import app.tandem.identity.PasswordPolicy;
import app.tandem.identity.Users;

/** Why a password was refused, in the admin pages' words and language. */
final class PasswordTexts {

	private PasswordTexts() {
	}

	static String of(PasswordPolicy.Refusal refusal, Texts texts) {
		return texts.get("admin.users.error.password." + refusal.key(), Users.MIN_PASSWORD, Users.MAX_PASSWORD);
	}
}
