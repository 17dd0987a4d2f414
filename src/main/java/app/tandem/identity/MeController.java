package app.tandem.identity;

import java.util.List;
import java.util.UUID;

import app.tandem.shared.Ids;
import app.tandem.shared.ListPage;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller and their API tokens. */
@RestController
class MeController {

	private final IdentityApi identity;

	private final Users users;

	private final ApiTokens tokens;

	MeController(IdentityApi identity, Users users, ApiTokens tokens) {
		this.identity = identity;
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/me")
	Users.UserView me() {
		return users.get(identity.caller().id());
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	ApiTokens.CreatedToken createToken(@Valid @RequestBody TokenCommands.CreateToken command) {
		return tokens.create(identity.caller(), command);
	}

	@GetMapping("/api/v1/tokens")
	ListPage<ApiTokens.TokenView> tokens() {
		List<ApiTokens.TokenView> items = tokens.list(identity.caller());
		return new ListPage<>(items, null);
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable String id) {
		UUID tokenId = Ids.parse(id, "token");
		tokens.revoke(identity.caller(), tokenId);
	}
}
