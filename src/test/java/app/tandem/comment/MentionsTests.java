package app.tandem.comment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTests {

	@Test
	void findsMentionsButNotAddressesOrTheFullStopAfterThem() {
		assertThat(Mentions.in("@ann please look, cc @bob.lee and @carol@acme.org.")).containsExactly("ann", "bob.lee",
				"carol@acme.org");
		assertThat(Mentions.in("write to ann@acme.org or to team@")).isEmpty();
		assertThat(Mentions.in("(@dan) @dan again, @")).containsExactly("dan");
	}

	@Test
	void cutsTheTextIntoPlainStretchesAndMentionsThatJoinToTheText() {
		String body = "Thanks @ann. Ask @bob.lee, not bob@acme.org (@carol@acme.org)";
		var parts = Mentions.parts(body);
		assertThat(parts).containsExactly(new Mentions.Part("Thanks ", null), new Mentions.Part("@ann", "ann"),
				new Mentions.Part(". Ask ", null), new Mentions.Part("@bob.lee", "bob.lee"),
				new Mentions.Part(", not bob@acme.org (", null), new Mentions.Part("@carol@acme.org", "carol@acme.org"),
				new Mentions.Part(")", null));
		assertThat(String.join("", parts.stream().map(Mentions.Part::text).toList())).isEqualTo(body);
		assertThat(Mentions.parts("@")).containsExactly(new Mentions.Part("@", null));
		assertThat(Mentions.parts("")).isEmpty();
	}
}
