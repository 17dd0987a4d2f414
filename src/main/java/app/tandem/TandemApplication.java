package app.tandem;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import app.tandem.interchange.Lint;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TandemApplication {

	/** Serves Tandem; {@code lint FILE.yaml…} instead checks OKRs-as-code files and exits, without starting Spring. */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("lint")) {
			var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
			var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
			System.exit(Lint.run(Arrays.copyOfRange(args, 1, args.length), out, err));
		}
		SpringApplication.run(TandemApplication.class, args);
	}
}
