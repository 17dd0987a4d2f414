package app.tandem.notify.web;

import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.notify.Notifications;
import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;

/**
 * The notifications page: the newest first, unread ones marked, 50 at a time with "Show more"; opening one marks it
 * read on the way to what it is about; "Mark all as read".
 */
@Controller
class NotificationPages {

	static final int PAGE = 50;

	private final Notifications notifications;

	private final IdentityApi identity;

	NotificationPages(Notifications notifications, IdentityApi identity) {
		this.notifications = notifications;
		this.identity = identity;
	}

	@GetMapping("/notifications")
	String page(Model model) {
		Caller caller = identity.caller();
		model.addAttribute("section", "notifications");
		model.addAttribute("unread", notifications.unread(caller));
		part(null, caller, model);
		return "notify/notifications";
	}

	@GetMapping("/notifications/more")
	String more(@RequestParam String before, Model model) {
		part(Ids.tryParse(before), identity.caller(), model);
		return "notify/notifications :: part";
	}

	private void part(UUID before, Caller caller, Model model) {
		ListPage<Notifications.NotificationView> page = notifications.of(caller, false, before, PAGE,
				LocaleContextHolder.getLocale());
		model.addAttribute("items", page.items());
		model.addAttribute("moreUrl", page.next() == null ? null : "/notifications/more?before=" + page.next());
	}

	/**
	 * Opening a notification: marked read, then on to what it is about. A GET, as a link is: marking one's own
	 * notification read changes nothing another person sees.
	 */
	@GetMapping("/notifications/{id}")
	String open(@PathVariable String id) {
		Caller caller = identity.caller();
		UUID notification = Ids.tryParse(id);
		notifications.markRead(notification, caller);
		return "redirect:" + notifications.pathOf(notification, caller);
	}

	@PostMapping("/notifications/read")
	String readAll() {
		notifications.markAllRead(identity.caller());
		return "redirect:/notifications";
	}
}
