package app.tandem.templates;

import java.net.URI;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Level;
import app.tandem.shared.ListPage;
import app.tandem.shared.Versions;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The OKR templates over the API: listed, filtered and searched, one by its key, and adopted as a draft. */
@RestController
class TemplateController {

	private final OkrTemplates templates;

	private final IdentityApi identity;

	TemplateController(OkrTemplates templates, IdentityApi identity) {
		this.templates = templates;
		this.identity = identity;
	}

	/** Every template (a few dozen: no paging), of a function and level if given, holding the words {@code q}. */
	@GetMapping("/api/v1/library/okrs")
	ListPage<OkrTemplate> list(@RequestParam(required = false) BusinessFunction function,
			@RequestParam(required = false) Level level, @RequestParam(required = false) String q) {
		// a list answers {items, next} (SPEC §2); the library is small enough to be one page
		return new ListPage<>(templates.find(function, level, q), null);
	}

	@GetMapping("/api/v1/library/okrs/{key}")
	OkrTemplate get(@PathVariable String key) {
		return templates.get(key);
	}

	/** 201 with the draft objective and its key results. */
	@PostMapping("/api/v1/library/okrs/{key}/adopt")
	ResponseEntity<OkrViews.ObjectiveView> adopt(@PathVariable String key,
			@Valid @RequestBody OkrTemplates.AdoptTemplate command) {
		OkrViews.ObjectiveView draft = templates.adopt(key, command, identity.caller());
		return ResponseEntity.created(URI.create("/api/v1/objectives/" + draft.id()))
			.eTag(Versions.etag(draft.version()))
			.body(draft);
	}
}
