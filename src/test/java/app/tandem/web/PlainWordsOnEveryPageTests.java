package app.tandem.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.SecondInstance;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the demo, in English and in German, reads as words a person uses: no name of a kind in capitals
 * ("INCREASE", "HIGHER_IS_BETTER", "CREATED") in the text a person reads. A word in capitals is allowed only when the
 * demo's or the libraries' own texts use it and it names no constant of Tandem's code (CSAT, ROMI, DORA).
 */
class PlainWordsOnEveryPageTests {

	/** A name in capitals: four characters or more, or any with an underscore. */
	private static final Pattern NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[A-Z]{4,}\\b");

	/** Links not to follow: leaving, files, the API, and what is not a page. */
	private static final List<String> NOT_PAGES = List.of("/logout", "/api/", "/css/", "/js/", "/webjars/", "/favicon",
			"/actuator", "/export", "/okrs.yaml", "/swagger", "/v3/");

	/** Pages of one kind read (objectives, KPIs, their edit pages, …: the same page with other data). */
	private static final int OF_A_KIND = 3;

	/** An id in a link: pages that differ only in ids are of one kind. */
	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	static SecondInstance demo;

	@BeforeAll
	static void startTheDemo() {
		demo = SecondInstance.start(false, "--tandem.demo=true");
	}

	@AfterAll
	static void stopTheDemo() {
		demo.close();
	}

	@Test
	void noPageNamesAKindInCapitalsInEitherLanguage() throws IOException {
		Set<String> data = wordsOfTheData();
		Map<String, Set<String>> found = new TreeMap<>();
		int english = walk("", data, found);
		int german = walk("lang=de", data, found);
		assertThat(english).as("pages walked in English").isGreaterThan(40);
		assertThat(german).as("pages walked in German").isGreaterThan(40);
		assertThat(found).as("names in capitals on pages (name → first pages)").isEmpty();
	}

	/** Words only English uses: one of them left on a German page, once the data is taken out, is interface text. */
	private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|and|of|with|your|you|is|are|this|from|for|"
			+ "yet|none|which|has|have|not|no|to|by|its)\\b");

	@Test
	void noGermanPageSpeaksEnglish() throws IOException {
		List<String> data = new ArrayList<>(stringsOfTheData());
		// the longest first: a title is taken out whole before a word of it could be
		data.sort(java.util.Comparator.comparingInt(String::length).reversed());
		Map<String, Set<String>> found = new TreeMap<>();
		PageSession admin = PageSession.signedIn(demo.port(), "admin", "open-sesame-test-run");
		int read = walkPages(admin, "lang=de", (path, body) -> {
			// a formula names KPIs by their keys ({churned-customers} / …): names, not words
			String left = text(body).replaceAll("\\{[^}]*\\}", " ");
			for (String d : data) {
				left = left.replace(d, " ");
			}
			for (String sentence : left.split("(?<=[.:!?])\\s+|\\s{2,}")) {
				Matcher english = ENGLISH.matcher(sentence);
				if (english.find() && sentence.strip().length() > 3) {
					Set<String> pages = found.computeIfAbsent(sentence.strip(), k -> new LinkedHashSet<>());
					if (pages.size() < 2) {
						pages.add(path);
					}
				}
			}
		});
		assertThat(read).as("German pages walked").isGreaterThan(40);
		assertThat(found).as("English on German pages (text → first pages)").isEmpty();
	}

	/** Every text the demo's file and its people wrote (titles, names, notes, comments): data, in any language. */
	private static Set<String> stringsOfTheData() throws IOException {
		Set<String> strings = new HashSet<>();
		try (InputStream in = PlainWordsOnEveryPageTests.class.getClassLoader().getResourceAsStream("demo/acme-health.yaml")) {
			collect(tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(in), strings);
		}
		ApiClient api = ApiClient.admin(demo.port());
		for (var objective : api.get("/api/v1/objectives?limit=1000").json().get("items")) {
			collect(objective, strings);
			for (var kr : objective.get("keyResults")) {
				collect(api.get("/api/v1/key-results/" + kr.get("id").asString() + "/check-ins?limit=200").json(), strings);
			}
		}
		collect(api.get("/api/v1/kpis?limit=1000").json(), strings);
		collect(api.get("/api/v1/users?limit=1000").json(), strings);
		collect(api.get("/api/v1/teams?limit=1000").json(), strings);
		strings.removeIf(s -> s.length() < 3);
		return strings;
	}

	private static void collect(tools.jackson.databind.JsonNode node, Set<String> strings) {
		if (node == null) {
			return;
		}
		if (node.isString()) {
			strings.add(node.asString());
			// a note as the demo writes it, "Steady week (2026-11-02)", also shows without its day
			strings.add(node.asString().replaceAll(" \\(\\d{4}-\\d{2}-\\d{2}\\)$", ""));
		}
		node.forEach(child -> collect(child, strings));
	}

	/** Walks the demo's pages from Home as its admin; answers how many pages it read. */
	private static int walk(String language, Set<String> data, Map<String, Set<String>> found) {
		PageSession admin = PageSession.signedIn(demo.port(), "admin", "open-sesame-test-run");
		return walkPages(admin, language, (path, body) -> {
			Matcher name = NAME.matcher(text(body));
			while (name.find()) {
				if (!data.contains(name.group())) {
					Set<String> pages = found.computeIfAbsent(name.group() + (language.isEmpty() ? "" : " (de)"),
							k -> new LinkedHashSet<>());
					if (pages.size() < 3) {
						pages.add(path);
					}
				}
			}
		});
	}

	/** Reads the pages from Home on, following their links, a few of each kind; answers how many it read. */
	private static int walkPages(PageSession session, String language,
			java.util.function.BiConsumer<String, String> visit) {
		Deque<String> queue = new ArrayDeque<>(List.of("/", "/admin/audit", "/library/kpis", "/library/okrs",
				"/kpis/tree"));
		Set<String> seen = new HashSet<>();
		Map<String, Integer> kinds = new java.util.HashMap<>();
		int read = 0;
		while (!queue.isEmpty()) {
			String path = queue.poll();
			if (!seen.add(path) || kinds.merge(kind(path), 1, Integer::sum) > OF_A_KIND) {
				continue;
			}
			var answer = session.get(language.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + language);
			String type = answer.headers().firstValue("Content-Type").orElse("");
			if (answer.statusCode() != 200 || !type.startsWith("text/html")) {
				continue;
			}
			read++;
			String body = answer.body();
			visit.accept(path, body);
			Matcher link = Pattern.compile("href=\"(/[^\"#]*)\"").matcher(body);
			while (link.find()) {
				String next = HtmlUtils.htmlUnescape(link.group(1)).replaceAll("[?&]lang=[a-z]+", "");
				if (NOT_PAGES.stream().noneMatch(next::startsWith) && !seen.contains(next)) {
					queue.add(next);
				}
			}
		}
		return read;
	}

	/** The kind of page a path shows: its path with ids and KPI keys left out, and its parameters' names. */
	private static String kind(String path) {
		String[] parts = path.split("\\?", 2);
		String kind = ID.matcher(parts[0]).replaceAll("{id}").replaceAll("^/kpis/(?!(?:new|tree)$)[^/]+", "/kpis/{key}");
		return parts.length == 1 ? kind : kind + "?" + parts[1].replaceAll("=[^&]*", "");
	}

	/** What a person reads of a page: its text without scripts, styles and tags. */
	private static String text(String html) {
		String visible = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ").replaceAll("<[^>]+>", " ");
		return HtmlUtils.htmlUnescape(visible);
	}

	/**
	 * The words in capitals the demo's and the libraries' texts use (CSAT, ROMI …), less every name of a constant in
	 * Tandem's code (the same files name kinds such as INCREASE, which a page must word).
	 */
	private static Set<String> wordsOfTheData() throws IOException {
		Set<String> words = new HashSet<>();
		for (String file : List.of("demo/acme-health.yaml", "library/kpis.yaml", "templates-library/okrs.yaml")) {
			try (InputStream in = PlainWordsOnEveryPageTests.class.getClassLoader().getResourceAsStream(file)) {
				assertThat(in).as(file).isNotNull();
				Matcher name = NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (name.find()) {
					words.add(name.group());
				}
			}
		}
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("app.tandem")) {
			if (type.isEnum()) {
				type.getEnumConstants().forEach(constant -> words.remove(constant.name()));
			}
		}
		return words;
	}
}
