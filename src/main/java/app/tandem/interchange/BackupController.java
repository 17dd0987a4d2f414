package app.tandem.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import app.tandem.identity.IdentityApi;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/export} and {@code POST /api/v1/import}: the whole organisation, for admins. */
@RestController
class BackupController {

	private final Backup backup;

	private final IdentityApi identity;

	BackupController(Backup backup, IdentityApi identity) {
		this.backup = backup;
		this.identity = identity;
	}

	@GetMapping("/api/v1/export")
	void export(HttpServletResponse response) throws IOException {
		identity.requireAdmin();
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Content-Disposition", "attachment; filename=\"tandem-backup.json\"");
		backup.export(response.getOutputStream());
	}

	@PostMapping(path = "/api/v1/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> restore(InputStream body) {
		identity.requireAdmin();
		return Map.of("imported", backup.restore(body));
	}
}
