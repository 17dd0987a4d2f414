package app.tandem.notify.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.tandem.identity.IdentityApi;
import app.tandem.notify.NotificationSettings;

/** {@code GET/PUT /api/v1/me/notification-settings}: one's own channels per kind, language, time zone, quiet hours. */
@RestController
class NotificationSettingsController {

	/** What a PUT sends: every field; a kind left out of {@code channels} keeps what it had. */
	record Settings(String language, String timeZone, String quietFrom, String quietTo,
			Map<String, List<String>> channels) {
	}

	private final NotificationSettings settings;

	private final IdentityApi identity;

	NotificationSettingsController(NotificationSettings settings, IdentityApi identity) {
		this.settings = settings;
		this.identity = identity;
	}

	@GetMapping("/api/v1/me/notification-settings")
	NotificationSettings.View get() {
		return settings.of(identity.caller());
	}

	@PutMapping("/api/v1/me/notification-settings")
	NotificationSettings.View put(@RequestBody Settings body) {
		return settings.set(identity.caller(), body.language(), body.timeZone(), body.quietFrom(), body.quietTo(),
				body.channels());
	}
}
