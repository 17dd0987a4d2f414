package app.tandem.shared;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Which node of a cluster this is: {@code tandem.node-id}, else host name and process id. */
public final class NodeId {

	private NodeId() {
	}

	public static String of(String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "localhost";
		}
		return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
	}
}
