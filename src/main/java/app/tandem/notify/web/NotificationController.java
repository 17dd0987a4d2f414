package app.tandem.notify.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.notify.Notifications;
import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;

/**
 * {@code GET /api/v1/notifications} (newest first, {@code unread=true} for the unread only, with the unread count),
 * {@code POST /api/v1/notifications/{id}/read} and {@code POST /api/v1/notifications/read} (all of them).
 */
@RestController
class NotificationController {

	/** A page of notifications with how many are unread in all. */
	record NotificationsPage(List<Notifications.NotificationView> items, String next, long unread) {
	}

	private final Notifications notifications;

	private final IdentityApi identity;

	NotificationController(Notifications notifications, IdentityApi identity) {
		this.notifications = notifications;
		this.identity = identity;
	}

	@GetMapping("/api/v1/notifications")
	NotificationsPage list(@RequestParam(required = false) Boolean unread, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		Caller caller = identity.caller();
		ListPage<Notifications.NotificationView> page = notifications.of(caller, Boolean.TRUE.equals(unread),
				Ids.tryParse(cursor), ListPage.limit(limit), LocaleContextHolder.getLocale());
		return new NotificationsPage(page.items(), page.next(), notifications.unread(caller));
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@PathVariable String id) {
		notifications.markRead(Ids.tryParse(id), identity.caller());
	}

	@PostMapping("/api/v1/notifications/read")
	Map<String, Integer> readAll() {
		return Map.of("marked", notifications.markAllRead(identity.caller()));
	}
}
