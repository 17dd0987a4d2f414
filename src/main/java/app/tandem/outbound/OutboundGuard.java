package app.tandem.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a URL may be called: http or https, no user name or password, a host written as a name or a plain
 * address, and every address the name resolves to allowed (see {@link AddressRules}), unless
 * {@code tandem.outbound.allowed-hosts} lifts the address rules for it. {@link #check} is for configuration time (a
 * webhook being registered); {@link OutboundHttp} asks again for every hop, and connects to what was checked.
 */
@Component
public class OutboundGuard {

	/** Names that reach a cloud's metadata service from inside it, whatever they resolve to elsewhere. */
	private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
			"instance-data", "instance-data.ec2.internal", "metadata.azure.internal", "metadata.tencentyun.com",
			"metadata.platformequinix.com", "metadata.packet.net");

	private static final String ADMIN_MAY = "; an admin may allow it with " + AllowedHosts.PROPERTY;

	private static final int SHOWN_LENGTH = 200;

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#]*@");

	private final AllowedHosts allowed;

	private final HostResolver resolver;

	@Autowired
	OutboundGuard(OutboundProperties properties) {
		this(properties.allowed(), HostResolver.SYSTEM);
	}

	OutboundGuard(AllowedHosts allowed, HostResolver resolver) {
		this.allowed = allowed;
		this.resolver = resolver;
	}

	/**
	 * The URL, when Tandem would call it; else {@link OutboundRefused}, whose message says why (a name that does not
	 * resolve is refused too). Nothing is contacted but the resolver.
	 */
	public URI check(String url) {
		if (url.isBlank()) {
			throw new OutboundRefused("The URL", "it is empty");
		}
		URI parsed;
		try {
			parsed = new URI(url);
		}
		catch (URISyntaxException ex) {
			String reason = ex.getReason();
			throw new OutboundRefused(shown(url),
					"it is not a URL (" + reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) + ")");
		}
		admit(parsed, true);
		return parsed;
	}

	/** Where a hop may connect: its host and the addresses checked for it. */
	record Destination(String host, List<InetAddress> addresses) {
	}

	/**
	 * The hop's destination, resolved once. {@code unresolvedIsRefused}: at configuration time a name that does not
	 * resolve is refused; when sending it is a failure (the name server may be down for a moment).
	 */
	Destination admit(URI url, boolean unresolvedIsRefused) {
		String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
		if (scheme == null) {
			throw refused(url, "it has no scheme; only http and https URLs are called");
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw refused(url, "only http and https URLs are called, not " + scheme);
		}
		String authority = url.getRawAuthority();
		if (url.isOpaque() || authority == null || authority.isEmpty()) {
			throw refused(url, "it has no host");
		}
		if (url.getRawUserInfo() != null || authority.contains("@")) {
			throw refused(url, "a URL with a user name or password in it is not called");
		}
		String host = url.getHost();
		if (host == null) {
			throw refused(url, unreadableHost(authority));
		}
		if (url.getPort() == 0 || url.getPort() > 65535) {
			throw refused(url, "the port " + url.getPort() + " is out of range");
		}
		host = host.toLowerCase(Locale.ROOT);
		InetAddress literal = literal(url, host);
		String name = HostForms.withoutTrailingDot(host);
		boolean allowedByName = literal == null && allowed.allowsName(name);
		if (literal == null && !allowedByName) {
			String why = nameRefusal(name);
			if (why != null) {
				throw refused(url, name + " " + why + ADMIN_MAY);
			}
		}
		List<InetAddress> addresses = literal != null ? List.of(literal) : resolve(url, host, unresolvedIsRefused);
		for (InetAddress address : allowedByName ? List.<InetAddress>of() : addresses) {
			String why = AddressRules.refusal(address, allowed::allowsAddress);
			if (why != null) {
				String what = literal != null ? AddressRules.shown(address) + " is " + why
						: name + " resolves to " + AddressRules.shown(address) + ", " + why;
				throw refused(url, what + ADMIN_MAY);
			}
		}
		return new Destination(host, addresses);
	}

	/** The address a literal host stands for, null for a name; refuses a number in any other form. */
	private static InetAddress literal(URI url, String host) {
		if (host.startsWith("[")) {
			String inner = host.substring(1, host.length() - 1);
			if (inner.contains("%")) {
				throw refused(url, inner + " is a scoped IPv6 address, which names a network interface of this machine");
			}
			InetAddress address = HostForms.ipv6(inner);
			if (address == null) {
				throw refused(url, host + " is not an IPv6 address");
			}
			return address;
		}
		String ambiguous = HostForms.ambiguousNumber(host);
		if (ambiguous != null) {
			throw refused(url, ambiguous);
		}
		return HostForms.ipv4(host);
	}

	private static String nameRefusal(String name) {
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return "names the machine Tandem runs on";
		}
		return METADATA_NAMES.contains(name) ? "is a cloud metadata service's name" : null;
	}

	private List<InetAddress> resolve(URI url, String host, boolean unresolvedIsRefused) {
		List<InetAddress> addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			addresses = List.of();
		}
		if (addresses.isEmpty()) {
			if (unresolvedIsRefused) {
				throw refused(url, host + " does not resolve to an address");
			}
			throw new OutboundFailed(host + " could not be resolved to an address");
		}
		return List.copyOf(addresses);
	}

	/** Why a host that java.net.URI could not read as a host name is refused. */
	private static String unreadableHost(String authority) {
		String host = authority.substring(authority.lastIndexOf('@') + 1);
		int colon = host.lastIndexOf(':');
		if (colon >= 0 && host.substring(colon + 1).chars().allMatch(Character::isDigit)) {
			host = host.substring(0, colon);
		}
		if (host.isEmpty()) {
			return "it has no host";
		}
		String ambiguous = HostForms.ambiguousNumber(host);
		return ambiguous != null ? ambiguous : shown(host) + " is not a host name";
	}

	static OutboundRefused refused(URI url, String reason) {
		return new OutboundRefused(shown(url), reason);
	}

	/** A URL for a message: without its user name and password, without control characters, not too long. */
	static String shown(URI url) {
		return shown(url.toString());
	}

	static String shown(String url) {
		String text = USER_INFO.matcher(url).replaceFirst("$1…@");
		StringBuilder out = new StringBuilder();
		text.codePoints().limit(SHOWN_LENGTH).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return text.codePointCount(0, text.length()) > SHOWN_LENGTH ? out + "…" : out.toString();
	}
}
