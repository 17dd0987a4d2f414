package app.tandem.kpi.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import app.tandem.identity.IdentityApi;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.KpiViews;
import app.tandem.kpi.MeasurementIngestion;
import app.tandem.kpi.Measurements;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.RowsRejectedException;

/**
 * Values for a KPI from a CSV file ({@code at,value}) on its page: first a preview of every row with the errors
 * by line, nothing stored; then, when every row is valid, storing them all at once (all or nothing, as the API).
 */
@Controller
class KpiUploadPage {

	/** Rows of the preview shown on the page (all are checked and stored). */
	private static final int SHOWN = 50;

	private final MeasurementIngestion ingestion;

	private final KpiViews views;

	private final IdentityApi identity;

	KpiUploadPage(MeasurementIngestion ingestion, KpiViews views, IdentityApi identity) {
		this.ingestion = ingestion;
		this.views = views;
		this.identity = identity;
	}

	@PostMapping("/kpis/{key}/values/preview")
	String preview(@PathVariable String key, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String csv, Model model, HttpServletResponse response) throws IOException {
		KpiView kpi = views.get(key);
		String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
				: csv == null ? "" : csv;
		model.addAttribute("kpi", kpi);
		model.addAttribute("n", KpiNumbers.INSTANCE);
		model.addAttribute("csv", text);
		if (text.isBlank()) {
			model.addAttribute("problem", "Choose a CSV file, or paste its lines.");
			response.setStatus(422);
			return "kpi/upload :: uploadResult";
		}
		try {
			Measurements.Preview preview = ingestion.previewCsv(kpi.key(), stream(text));
			model.addAttribute("rows", preview.rows().stream().limit(SHOWN).toList());
			model.addAttribute("count", preview.rows().size());
			model.addAttribute("errors", preview.errors());
			model.addAttribute("invalidRows", preview.invalidRows());
			if (!preview.errors().isEmpty()) {
				response.setStatus(422);
			}
		}
		catch (InvalidInputException e) {
			model.addAttribute("problem", e.errors().get(0).message());
			response.setStatus(422);
		}
		return "kpi/upload :: uploadResult";
	}

	@PostMapping("/kpis/{key}/values")
	String store(@PathVariable String key, @RequestParam(required = false) String csv, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		KpiView kpi = views.get(key);
		model.addAttribute("kpi", kpi);
		model.addAttribute("n", KpiNumbers.INSTANCE);
		model.addAttribute("csv", csv == null ? "" : csv);
		try {
			var stored = ingestion.ingest(kpi.key(), "text/csv", stream(csv == null ? "" : csv), identity.caller());
			String page = request.getContextPath() + "/kpis/" + kpi.key() + "?stored=" + stored.accepted();
			if (request.getHeader("HX-Request") != null) {
				// the whole page again: the chart, the status and the table all change
				response.setHeader("HX-Redirect", page);
				return "kpi/upload :: uploadNothing";
			}
			return "redirect:/kpis/" + kpi.key() + "?stored=" + stored.accepted();
		}
		catch (RowsRejectedException e) {
			model.addAttribute("errors", e.errors());
			model.addAttribute("invalidRows", e.invalidRows());
			model.addAttribute("rows", java.util.List.of());
			model.addAttribute("count", 0);
		}
		catch (InvalidInputException e) {
			model.addAttribute("problem", e.errors().get(0).message());
		}
		catch (AccessDeniedException e) {
			model.addAttribute("problem", "Only an admin, a lead of its team or its owner may add values to "
					+ kpi.name() + ".");
			response.setStatus(403);
			return "kpi/upload :: uploadResult";
		}
		response.setStatus(422);
		return "kpi/upload :: uploadResult";
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
