package app.tandem.web;

import org.springframework.stereotype.Component;

/**
 * The CSS classes that draw a bar's length or a tick's place in whole percent ({@code w-0} … {@code w-100},
 * {@code at-0} … {@code at-100} in tandem.css): the pages carry no inline style, which the Content-Security-Policy
 * refuses. Templates call it as {@code ${@bars.width(progress)}}.
 */
@Component
public class Bars {

	/** A bar as long as the fraction (0 to 1) of its track. */
	public String width(Double fraction) {
		return "w-" + percent(fraction == null ? 0 : fraction * 100);
	}

	/** A bar as long as the score (0 to 100) of its track. */
	public String widthOf100(Double score) {
		return "w-" + percent(score == null ? 0 : score);
	}

	/** A tick at the fraction (0 to 1) of its track. */
	public String at(Double fraction) {
		return "at-" + percent(fraction == null ? 0 : fraction * 100);
	}

	/** A team row indented for its depth in the tree, the deepest ones alike. */
	public String depth(int depth) {
		return "depth-" + Math.max(0, Math.min(depth, 8));
	}

	private static long percent(double value) {
		return Double.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
	}
}
