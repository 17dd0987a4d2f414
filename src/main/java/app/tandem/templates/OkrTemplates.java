package app.tandem.templates;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.tandem.identity.Caller;
import app.tandem.okr.Objectives;
import app.tandem.okr.OkrCommands;
import app.tandem.okr.OkrViews;
import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.Visibility;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import jakarta.validation.constraints.NotBlank;
import org.springframework.stereotype.Service;

/**
 * The library of OKR templates: browsed by function and level, searched by words, and adopted into a cycle for a
 * team as a draft objective. Adopting goes through {@link Objectives#createDraft}, so it is refused exactly as
 * writing the objective by hand would be (who may create it for that team and level, an open cycle).
 */
@Service
public class OkrTemplates {

	private final List<OkrTemplate> all = OkrTemplateFile.load();

	/** The same templates in German words, by key: what a German page shows and adopts. */
	private final Map<String, OkrTemplate> german = OkrTemplateFile.loadGerman(all);

	private final Objectives objectives;

	OkrTemplates(Objectives objectives) {
		this.objectives = objectives;
	}

	/** The templates of a function and level (either may be null: any), holding the words {@code q} if given. */
	public List<OkrTemplate> find(BusinessFunction function, Level level, String q) {
		return find(function, level, q, Locale.ENGLISH);
	}

	/** The same, in the words of this language (German, else English). */
	public List<OkrTemplate> find(BusinessFunction function, Level level, String q, Locale language) {
		String words = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
		return all.stream()
			.map(t -> in(t, language))
			.filter(t -> function == null || t.function() == function)
			.filter(t -> level == null || t.level() == level)
			.filter(t -> words == null || t.mentions(words))
			.toList();
	}

	public OkrTemplate get(String key) {
		return get(key, Locale.ENGLISH);
	}

	public OkrTemplate get(String key, Locale language) {
		return all.stream().filter(t -> t.key().equals(key)).findFirst().map(t -> in(t, language))
			.orElseThrow(() -> new NotFoundException("OKR template", key));
	}

	private OkrTemplate in(OkrTemplate template, Locale language) {
		return "de".equals(language.getLanguage()) ? german.getOrDefault(template.key(), template) : template;
	}

	/**
	 * The template copied into the cycle for the team as a draft, its key results due at the cycle's end. An
	 * individual template without an owner is the caller's own.
	 */
	public OkrViews.ObjectiveView adopt(String key, AdoptTemplate command, Caller caller) {
		return adopt(key, command, caller, Locale.ENGLISH);
	}

	/** The same, the draft written in this language's words (adopted from a German page, it is German). */
	public OkrViews.ObjectiveView adopt(String key, AdoptTemplate command, Caller caller, Locale language) {
		OkrTemplate t = get(key, language);
		String owner = command.ownerId() != null && !command.ownerId().isBlank() ? command.ownerId()
				: t.level() == Level.INDIVIDUAL ? Ids.str(caller.id()) : null;
		List<OkrCommands.CreateKeyResult> keyResults = t.keyResults().stream()
			.map(kr -> new OkrCommands.CreateKeyResult(kr.title(), kr.type(), kr.unit(), null, null, null, kr.start(),
					kr.target(), kr.min(), kr.max(), null))
			.toList();
		return objectives.createDraft(new OkrCommands.CreateObjective(command.cycleId(), t.title(), t.description(),
				t.level(), command.teamId(), owner, null, null, t.type(), Visibility.PUBLIC, null, keyResults), caller);
	}

	/** What adopting needs: the cycle and team, and optionally the owner (ids). */
	public record AdoptTemplate(@NotBlank String cycleId, @NotBlank String teamId, String ownerId) {
	}
}
