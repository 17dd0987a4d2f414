package app.tandem.identity;

import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;
import app.tandem.shared.Versions;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

	private final IdentityApi identity;

	private final Users users;

	private final Invitations invitations;

	private final InvitationMails invitationMails;

	UserController(IdentityApi identity, Users users, Invitations invitations, InvitationMails invitationMails) {
		this.invitationMails = invitationMails;
		this.identity = identity;
		this.users = users;
		this.invitations = invitations;
	}

	@GetMapping("/api/v1/users")
	ListPage<Users.UserView> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int max = ListPage.limit(limit);
		return ListPage.of(users.list(cursor, max), max, Users.UserView::id);
	}

	@GetMapping("/api/v1/users/{id}")
	ResponseEntity<Users.UserView> get(@PathVariable String id) {
		Users.UserView user = users.get(Ids.parse(id, "user"));
		return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
	}

	@PostMapping("/api/v1/users")
	ResponseEntity<Users.UserView> create(@Valid @RequestBody UserCommands.CreateUser command) {
		identity.requireAdmin();
		Users.UserView user = users.create(command);
		return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(user.version())).body(user);
	}

	@PatchMapping("/api/v1/users/{id}")
	ResponseEntity<Users.UserView> update(@PathVariable String id, @Valid @RequestBody UserCommands.UpdateUser command,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var userId = Ids.parse(id, "user");
		if (!identity.caller().id().equals(userId) || command.admin() != null || command.active() != null
				|| command.totpRequired() != null) {
			identity.requireAdmin();
		}
		Users.UserView user = users.update(userId, command, Versions.of(ifMatch, command.version()));
		return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
	}

	/**
	 * A one-time link where the person chooses their own password (valid 7 days; a new one ends the earlier). The
	 * link is answered once: Tandem keeps only its hash.
	 */
	@PostMapping("/api/v1/users/{id}/invitation")
	ResponseEntity<InvitationLink> invite(@PathVariable String id) {
		identity.requireAdmin();
		Invitations.Invitation invitation = invitations.invite(Ids.parse(id, "user"), identity.caller());
		String url = JoinLinks.url(invitation.token());
		String emailedTo = invitationMails.send(invitation, url, identity.organisationName().orElse(null),
				org.springframework.context.i18n.LocaleContextHolder.getLocale()).orElse(null);
		return ResponseEntity.status(HttpStatus.CREATED).body(new InvitationLink(url, invitation.expiresAt(), emailedTo));
	}

	/** {@code emailedTo}: the address Tandem e-mailed the link to as well, when mail is set up and it has one. */
	record InvitationLink(String url, java.time.Instant expiresAt, String emailedTo) {
	}
}
