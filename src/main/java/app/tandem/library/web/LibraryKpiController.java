package app.tandem.library.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import app.tandem.identity.IdentityApi;
import app.tandem.library.KpiAdoption;
import app.tandem.library.KpiLibrary;
import app.tandem.library.LibraryCommands;
import app.tandem.library.LibraryKpiView;
import app.tandem.shared.ListPage;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPI library: browse ({@code ?function&perspective&q}, the whole library on one page) and adopt for a team.
 * Adoption answers 201 with {@code {kpi, inputsCreated, inputsReused}}; the API adopts with the English texts.
 */
@RestController
class LibraryKpiController {

	private final KpiLibrary library;

	private final KpiAdoption adoption;

	private final IdentityApi identity;

	LibraryKpiController(KpiLibrary library, KpiAdoption adoption, IdentityApi identity) {
		this.library = library;
		this.adoption = adoption;
		this.identity = identity;
	}

	@GetMapping("/api/v1/library/kpis")
	ListPage<LibraryKpiView> list(@RequestParam(required = false) String function,
			@RequestParam(required = false) String perspective, @RequestParam(required = false) String q) {
		Set<String> existing = adoption.existingKeys();
		return new ListPage<>(library.search(function, perspective, q).stream()
			.map(k -> LibraryKpiView.of(k, existing.contains(k.key())))
			.toList(), null);
	}

	@GetMapping("/api/v1/library/kpis/{key}")
	LibraryKpiView get(@PathVariable String key) {
		return LibraryKpiView.of(library.get(key), adoption.existingKeys().contains(key));
	}

	@PostMapping("/api/v1/library/kpis/{key}/adopt")
	ResponseEntity<KpiAdoption.Adopted> adopt(@PathVariable String key,
			@Valid @RequestBody LibraryCommands.AdoptKpi command) {
		KpiAdoption.Adopted adopted = adoption.adopt(key, command, Locale.ENGLISH, identity.caller());
		return ResponseEntity.created(URI.create("/api/v1/kpis/" + adopted.kpi().key())).body(adopted);
	}
}
