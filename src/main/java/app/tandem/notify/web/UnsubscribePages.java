package app.tandem.notify.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.notify.EmailStops;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The link in every e-mail: without signing in, a page that asks to confirm (a mail scanner that opens links stops
 * nothing), then no more e-mails of that kind. A mail client's one-click unsubscribe posts straight away.
 */
@Controller
class UnsubscribePages {

	private final EmailStops stops;

	UnsubscribePages(EmailStops stops) {
		this.stops = stops;
	}

	@GetMapping("/unsubscribe")
	String ask(@RequestParam(required = false) String u, @RequestParam(required = false) String k,
			@RequestParam(required = false) String t, Model model, HttpServletResponse response) {
		return page(stops.valid(u, k, t), u, k, t, false, model, response);
	}

	@PostMapping("/unsubscribe")
	String stop(@RequestParam(required = false) String u, @RequestParam(required = false) String k,
			@RequestParam(required = false) String t, Model model, HttpServletResponse response) {
		boolean valid = stops.valid(u, k, t);
		if (valid) {
			stops.stop(u, k);
		}
		return page(valid, u, k, t, valid, model, response);
	}

	private static String page(boolean valid, String u, String k, String t, boolean done, Model model,
			HttpServletResponse response) {
		if (!valid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("valid", valid);
		model.addAttribute("done", done);
		model.addAttribute("kind", valid ? k : null);
		model.addAttribute("u", u);
		model.addAttribute("k", k);
		model.addAttribute("t", t);
		return "notify/unsubscribe";
	}
}
