package app.tandem.identity.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.identity.IdentityApi;
import app.tandem.identity.Invitations;
import app.tandem.identity.JoinLinks;
import app.tandem.identity.UserCommands;
import app.tandem.identity.Users;
import app.tandem.shared.ConflictException;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.StaleVersionException;
import app.tandem.shared.Versions;

/** People for admins: who they are, their teams and roles, a form to add one, deactivating and reactivating. */
@Controller
class UserPages {

	private static final String USERNAME = "[A-Za-z0-9._@-]+";

	private final Users users;

	private final IdentityApi identity;

	private final Texts texts;

	private final Invitations invitations;

	private final app.tandem.identity.InvitationMails invitationMails;

	UserPages(Users users, IdentityApi identity, Texts texts, Invitations invitations,
			app.tandem.identity.InvitationMails invitationMails) {
		this.invitationMails = invitationMails;
		this.users = users;
		this.identity = identity;
		this.texts = texts;
		this.invitations = invitations;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		identity.requireAdmin();
		page(model, Map.of("username", "", "name", "", "email", ""), Map.of());
		return "admin/users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam(required = false) String username, @RequestParam(required = false) String name,
			@RequestParam(required = false) String email, Model model, HttpServletResponse response) {
		identity.requireAdmin();
		Map<String, String> errors = new HashMap<>();
		String login = nz(username).strip();
		String email1 = nz(email).strip();
		if (login.isEmpty() || login.length() > 100 || !login.matches(USERNAME)) {
			errors.put("username", texts.get("admin.users.error.username"));
		}
		if (nz(name).isBlank() || name.strip().length() > 200) {
			errors.put("name", texts.get("admin.users.error.name"));
		}
		if (!email1.isEmpty() && (email1.length() > 320 || !email1.matches("[^@\\s]+@[^@\\s]+"))) {
			errors.put("email", texts.get("admin.users.error.email"));
		}
		if (errors.isEmpty()) {
			try {
				// no password: the person chooses theirs through the link shown now
				Users.UserView created = users.create(new UserCommands.CreateUser(login, name.strip(),
						email1.isEmpty() ? null : email1, null, false));
				return invited(invitations.invite(UUID.fromString(created.id()), identity.caller()), true, model);
			}
			catch (ConflictException e) {
				errors.put("username", texts.get("admin.users.error.taken", login));
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
			}
		}
		response.setStatus(422);
		page(model, Map.of("username", nz(username), "name", nz(name), "email", nz(email)), errors);
		return "admin/users";
	}

	/** A new invitation link for someone who lost theirs or let it expire; earlier links stop working. */
	@PostMapping("/admin/users/{id}/invitation")
	String invite(@PathVariable String id, Model model, RedirectAttributes redirect) {
		identity.requireAdmin();
		UUID userId = Ids.parse(id, "user");
		try {
			return invited(invitations.invite(userId, identity.caller()), false, model);
		}
		catch (ConflictException deactivated) {
			redirect.addFlashAttribute("alert", texts.get("admin.users.invite.inactive", users.get(userId).username()));
			return "redirect:/admin/users/" + userId;
		}
	}

	/** The link, shown this once (only its hash is kept), to pass on to the person. */
	private String invited(Invitations.Invitation invitation, boolean added, Model model) {
		model.addAttribute("section", "admin");
		model.addAttribute("tab", "users");
		model.addAttribute("invitation", invitation);
		model.addAttribute("added", added);
		model.addAttribute("link", JoinLinks.url(invitation.token()));
		model.addAttribute("emailedTo", invitationMails.send(invitation, JoinLinks.url(invitation.token()),
				identity.organisationName().orElse(null), org.springframework.context.i18n.LocaleContextHolder.getLocale())
			.orElse(null));
		// the next person is added right below
		model.addAttribute("form", Map.of("username", "", "name", "", "email", ""));
		model.addAttribute("errors", Map.of());
		model.addAttribute("expiresOn", java.time.LocalDateTime.ofInstant(invitation.expiresAt(), java.time.ZoneOffset.UTC));
		return "admin/invited";
	}

	/** Deactivates or reactivates a person (never oneself), from the version the page showed. */
	@PostMapping("/admin/users/{id}/active")
	String active(@PathVariable String id, @RequestParam(required = false) boolean active,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		identity.requireAdmin();
		UUID userId = Ids.parse(id, "user");
		Users.UserView user = users.get(userId);
		if (!active && userId.equals(identity.caller().id())) {
			redirect.addFlashAttribute("alert", texts.get("admin.users.error.self"));
			return "redirect:/admin/users";
		}
		try {
			users.update(userId, new UserCommands.UpdateUser(null, null, null, null, active, null, null),
					new Versions(version, false));
			redirect.addFlashAttribute("notice",
					texts.get(active ? "admin.users.reactivated" : "admin.users.deactivated", user.username()));
		}
		catch (StaleVersionException e) {
			redirect.addFlashAttribute("alert", texts.get("admin.users.error.stale", user.username()));
		}
		return "redirect:/admin/users";
	}

	private void page(Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("section", "admin");
		model.addAttribute("tab", "users");
		model.addAttribute("total", users.count());
		part(0, model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
	}

	/** How many people the list shows at once, and each "Show more" adds. */
	static final int PAGE = 50;

	/** The next people of the list, after "Show more". */
	@GetMapping("/admin/users/more")
	String more(@RequestParam int offset, Model model) {
		identity.requireAdmin();
		model.addAttribute("total", users.count());
		part(Math.max(0, offset), model);
		return "admin/users :: part";
	}

	/** People from {@code offset} on, by user name, with their teams, and the button for the rest. */
	private void part(int offset, Model model) {
		List<Users.UserView> people = users.byUsername(offset, PAGE);
		long total = (Long) model.getAttribute("total");
		model.addAttribute("people", people);
		model.addAttribute("memberships", users.membershipsOf(people.stream().map(Users.UserView::id).toList()));
		model.addAttribute("me", identity.caller().id().toString());
		long next = offset + people.size();
		if (next < total && !people.isEmpty()) {
			model.addAttribute("moreUrl", "/admin/users/more?offset=" + next);
			model.addAttribute("left", total - next);
			model.addAttribute("nextCount", Math.min(PAGE, total - next));
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
