package app.tandem.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in and how hard guessing is made ({@code tandem.admin-password}, {@code tandem.sign-in.*},
 * {@code tandem.totp.key}); single sign-on has its own, {@link OidcProperties}.
 *
 * @param adminPassword the password of the user admin, created on an empty database (TANDEM_ADMIN_PASSWORD);
 * empty: one is generated and logged once. It must pass the password policy, or Tandem does not start
 * @param signIn how many failed sign-ins are taken before they are slowed down
 * @param totp how second-factor secrets are sealed at rest
 * @param passwords how passwords are hashed
 */
@ConfigurationProperties("tandem")
record IdentityProperties(@DefaultValue("") String adminPassword, @DefaultValue SignIn signIn,
		@DefaultValue Totp totp, @DefaultValue Passwords passwords) {

	/**
	 * Failed sign-ins ({@code tandem.sign-in.*}), counted in the database, so across nodes.
	 *
	 * @param maxFailuresPerAccount failed sign-ins of an account from one address (within a day) after which its
	 * password sign-ins from there wait, a minute growing to an hour
	 * @param maxFailuresPerAddress failures from one address within a minute after which its further failures answer
	 * 429 (its valid credentials still work)
	 */
	record SignIn(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress) {
	}

	/**
	 * Second-factor secrets at rest ({@code tandem.totp.*}).
	 *
	 * @param key a random string of 32 characters or more (TANDEM_TOTP_KEY) that seals second-factor secrets; never
	 * change it once people have enrolled. Empty: a key generated on first need and kept in the database
	 */
	record Totp(@DefaultValue("") String key) {
	}

	/**
	 * Password hashing ({@code tandem.passwords.*}).
	 *
	 * @param hashStrength BCrypt's cost: each step doubles the work of a hash (10: about 60 ms on one core here).
	 * Hashes keep the cost they were made with, so a change applies to passwords set after it. Lower only for tests
	 */
	record Passwords(@DefaultValue("10") int hashStrength) {

		Passwords {
			if (hashStrength < 4 || hashStrength > 31) {
				throw new IllegalArgumentException(
						"tandem.passwords.hash-strength must be from 4 to 31 (BCrypt's cost), not " + hashStrength);
			}
		}
	}
}
