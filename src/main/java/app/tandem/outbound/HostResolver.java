package app.tandem.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up: the system's resolver, or in tests a name that answers what the test needs. */
@FunctionalInterface
interface HostResolver {

	HostResolver SYSTEM = name -> List.of(InetAddress.getAllByName(name));

	/** Every address the name stands for (none: an exception). */
	List<InetAddress> resolve(String name) throws UnknownHostException;
}
