package app.tandem.web;

import java.util.List;

import app.tandem.okr.OkrViews;

/**
 * What the layout shows around a page: the person signed in, the cycles to switch between (newest first) and the
 * one the page shows, and the section of the navigation that is open.
 *
 * @param cycle the cycle of the page's {@code cycleId} parameter, else the current one; null without cycles
 * @param path the page's own path (the language switch comes back to it)
 * @param unread the person's unread notifications, which the bell counts
 */
public record Shell(String username, boolean admin, List<OkrViews.CycleView> cycles, OkrViews.CycleView cycle,
		String section, String language, String path, long unread) {

	/**
	 * The sections of the navigation, in order: each a message key and a path. Only sections that exist are
	 * listed. The admin pages' link follows these in the layout, for admins only.
	 */
	public static final List<String[]> SECTIONS = List.of(new String[] { "home", "/" },
			new String[] { "checkins", "/check-ins" }, new String[] { "okrs", "/okrs" }, new String[] { "alignment", "/alignment" },
			new String[] { "kpis", "/kpis" }, new String[] { "scorecard", "/scorecard" },
			new String[] { "coach", "/coach" }, new String[] { "library", "/library/kpis" },
			new String[] { "health", "/health" });

	public List<String[]> sections() {
		return SECTIONS;
	}
}
