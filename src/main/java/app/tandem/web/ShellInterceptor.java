package app.tandem.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.notify.Notifications;
import app.tandem.okr.CycleReads;
import app.tandem.okr.Cycles;
import app.tandem.okr.OkrViews;
import app.tandem.shared.Ids;

/**
 * Adds the {@link Shell} to every whole page a signed-in person gets: after the handler, so API calls (no view)
 * and htmx fragments (they carry {@code HX-Request} and replace a part of a page that has its shell) cost
 * nothing.
 */
@Component
class ShellInterceptor implements HandlerInterceptor {

	/** Cycles the switcher offers: the newest ones. */
	private static final int CYCLES_SHOWN = 24;

	private final IdentityApi identity;

	private final Cycles cycles;

	private final CycleReads okr;

	private final Notifications notifications;

	ShellInterceptor(IdentityApi identity, Cycles cycles, CycleReads okr, Notifications notifications) {
		this.notifications = notifications;
		this.identity = identity;
		this.cycles = cycles;
		this.okr = okr;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
				|| request.getHeader("HX-Request") != null || page.getModel().containsKey("shell")
				|| request.getUserPrincipal() == null) {
			return;
		}
		Caller caller = identity.caller();
		List<OkrViews.CycleView> all = cycles.list(null, 1000).stream()
			.sorted(Comparator.comparing(OkrViews.CycleView::startDate).reversed())
			.limit(CYCLES_SHOWN)
			.toList();
		page.addObject("shell", new Shell(caller.username(), identity.rightsOf(caller).admin(), all,
				selected(request, page, all), (String) page.getModel().getOrDefault("section", ""),
				LocaleContextHolder.getLocale().getLanguage(), request.getServletPath(), notifications.unread(caller)));
	}

	/** The page's own cycle (its model's {@code cycle}), the request's {@code cycleId}, else the current cycle. */
	private OkrViews.CycleView selected(HttpServletRequest request, ModelAndView page, List<OkrViews.CycleView> all) {
		if (page.getModel().get("cycle") instanceof OkrViews.CycleView cycle) {
			return cycle;
		}
		UUID id = Ids.tryParse(request.getParameter("cycleId"));
		if (id != null) {
			for (OkrViews.CycleView cycle : all) {
				if (cycle.id().equals(id.toString())) {
					return cycle;
				}
			}
		}
		return okr.currentCycle().orElse(all.isEmpty() ? null : all.get(0));
	}
}
