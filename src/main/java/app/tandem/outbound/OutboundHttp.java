package app.tandem.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Makes the calls Tandem makes on someone's behalf, each through the guard: every hop is checked before it is
 * contacted (see {@link OutboundGuard}) and connected to the addresses that were checked. Redirects are followed
 * here, at most 3: a relative {@code Location} against the URL that answered it, 301 and 302
 * turning a POST into a GET without body, 303 turning anything but HEAD into one, 307 and 308 keeping method and
 * body; credentials headers are not sent on to another origin, and https never redirects to http. A body longer than
 * the request's cap is cut there: the answer says so ({@link OutboundResponse#truncated}) rather than failing, since
 * a webhook's caller mostly wants the status.
 */
@Component
public class OutboundHttp {

	static final int MAX_REDIRECTS = 3;

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private final OutboundGuard guard;

	OutboundHttp(OutboundGuard guard) {
		this.guard = guard;
	}

	/**
	 * The answer of the URL, or of where it redirects. {@link OutboundRefused} when the URL or a redirect is refused
	 * (before it is contacted), {@link OutboundFailed} when the call does not get its answer in time or at all.
	 */
	public OutboundResponse send(OutboundRequest request) {
		long deadline = System.nanoTime() + request.timeout().toNanos();
		OutboundRequest hop = request;
		for (int redirects = 0;; redirects++) {
			OutboundGuard.Destination destination;
			try {
				destination = guard.admit(hop.url(), false);
			}
			catch (OutboundRefused ex) {
				throw hop == request ? ex
						: OutboundGuard.refused(request.url(),
								"it redirects to " + ex.url() + ", which is refused: " + ex.reason());
			}
			OutboundResponse response = Exchange.run(hop, destination, deadline);
			String location = response.header("Location");
			if (!REDIRECTS.contains(response.status()) || location == null) {
				return response;
			}
			if (redirects == MAX_REDIRECTS) {
				throw OutboundGuard.refused(request.url(), "it redirects more than " + MAX_REDIRECTS + " times");
			}
			URI next = next(request, hop.url(), location);
			hop = hop.redirectedTo(next, response.status());
		}
	}

	/** Where a redirect leads: {@code location} read against the URL that answered it. */
	private static URI next(OutboundRequest request, URI current, String location) {
		URI next;
		try {
			next = current.resolve(new URI(location));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw OutboundGuard.refused(request.url(),
					"it redirects to " + OutboundGuard.shown(location) + ", which is not a URL");
		}
		if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
			throw OutboundGuard.refused(request.url(),
					"it redirects from https to http (" + OutboundGuard.shown(next) + ")");
		}
		return next;
	}
}
