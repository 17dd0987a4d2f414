package app.tandem.interchange;

import app.tandem.identity.IdentityApi;
import app.tandem.shared.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** OKRs as code: a cycle out as YAML, a YAML file in. */
@RestController
class OkrFileController {

	static final String YAML = "application/yaml";

	private final OkrFileImport importer;

	private final OkrFileExport exporter;

	private final IdentityApi identity;

	OkrFileController(OkrFileImport importer, OkrFileExport exporter, IdentityApi identity) {
		this.importer = importer;
		this.exporter = exporter;
		this.identity = identity;
	}

	@GetMapping(path = "/api/v1/cycles/{id}/okrs.yaml", produces = { YAML, MediaType.TEXT_PLAIN_VALUE, "*/*" })
	ResponseEntity<String> export(@PathVariable String id) {
		String yaml = exporter.export(Ids.parse(id, "cycle"), identity.caller());
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(YAML + ";charset=UTF-8")).body(yaml);
	}

	/** Accepts the file as the body, whatever text type the client names (curl --data-binary @file). */
	@PostMapping("/api/v1/okrs.yaml")
	ResponseEntity<OkrFileImport.Report> importFile(@RequestBody String yaml) {
		identity.requireAdmin();
		return ResponseEntity.status(HttpStatus.CREATED).body(importer.importFile(yaml, identity.caller()));
	}
}
